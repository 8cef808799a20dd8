/** API Gateway's resources, as the REST API declares them, matched against a request path. */
const RESOURCES: { resource: string; pattern: RegExp; params: string[] }[] = [
  { resource: '/events', pattern: /^\/events\/?$/, params: [] },
  { resource: '/accounts/{id}/compliance', pattern: /^\/accounts\/([^/]+)\/compliance\/?$/, params: ['id'] },
];

/**
 * The REST API (v1) proxy event API Gateway would send for `method url`: resource, path parameters, single- and
 * multi-value query parameters. An unknown path keeps its path as the resource (the handler answers 404).
 */
export const toProxyEvent = (method: string, url: string): Record<string, unknown> => {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  const match = RESOURCES.map((r) => ({ r, m: r.pattern.exec(pathname) })).find((x) => x.m);
  const multi: Record<string, string[]> = {};
  for (const key of new Set(searchParams.keys())) multi[key] = searchParams.getAll(key);
  const single = Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v.at(-1) ?? '']));
  const pathParameters = match
    ? Object.fromEntries(match.r.params.map((p, i) => [p, decodeURIComponent(match.m?.[i + 1] ?? '')]))
    : null;
  return {
    resource: match?.r.resource ?? pathname,
    path: pathname,
    httpMethod: method,
    headers: {},
    queryStringParameters: Object.keys(single).length > 0 ? single : null,
    multiValueQueryStringParameters: Object.keys(multi).length > 0 ? multi : null,
    pathParameters: pathParameters && Object.keys(pathParameters).length > 0 ? pathParameters : null,
    body: null,
    isBase64Encoded: false,
  };
};
