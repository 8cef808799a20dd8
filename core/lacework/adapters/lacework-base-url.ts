/**
 * The account part of a Lacework host, as the SDKs normalise it (the Go SDK's `lwdomain.New`): the scheme, any path and
 * everything from `.lacework.net` on are dropped, so `https://myco.fra.lacework.net/ui` gives `myco.fra`.
 *
 * @example laceworkAccountName('myco.lacework.net') // 'myco'
 */
export const laceworkAccountName = (account: string): string => {
  const host = account
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '');
  const at = host.toLowerCase().indexOf('.lacework.net');
  return at === -1 ? host : host.slice(0, at);
};

/**
 * The API base URL of an account: `https://{account}.lacework.net`.
 *
 * @example laceworkBaseUrl('https://myco.fra.lacework.net/') // 'https://myco.fra.lacework.net'
 */
export const laceworkBaseUrl = (account: string): string => `https://${laceworkAccountName(account)}.lacework.net`;
