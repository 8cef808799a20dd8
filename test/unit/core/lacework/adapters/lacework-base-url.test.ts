import { laceworkAccountName, laceworkBaseUrl } from '../../../../../core/lacework/adapters/lacework-base-url';

describe('laceworkAccountName', () => {
  it.each([
    ['myco', 'myco'],
    ['myco.lacework.net', 'myco'],
    ['myco.fra', 'myco.fra'],
    ['https://myco.fra.lacework.net/ui/investigation', 'myco.fra'],
    [' MYCO.LACEWORK.NET ', 'MYCO'],
  ])('normalises %j to %j', (account, expected) => {
    expect(laceworkAccountName(account)).toBe(expected);
  });
});

describe('laceworkBaseUrl', () => {
  it('builds https://{account}.lacework.net', () => {
    expect(laceworkBaseUrl('myco.fra.lacework.net')).toBe('https://myco.fra.lacework.net');
  });
});
