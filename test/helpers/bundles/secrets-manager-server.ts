import { createServer } from 'node:http';
import { listenOnLoopback } from '../../../sandbox/servers/loopback';

/** A started loopback Secrets Manager. */
export interface SecretsManagerServer {
  /** `http://127.0.0.1:<port>`: the bundles' `AWS_ENDPOINT_URL_SECRETS_MANAGER`. */
  url: string;
  /** Secret ids asked for, in order. */
  requested: string[];
  close(): Promise<void>;
}

const send = (res: import('node:http').ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
};

/**
 * Serves `GetSecretValue` over the AWS JSON 1.1 protocol (`X-Amz-Target: secretsmanager.GetSecretValue`, body
 * `{"SecretId"}`), the one Secrets Manager call the handlers make, from `secrets` (name → SecretString). The answer
 * and the `ResourceNotFoundException` fault follow the GetSecretValue API reference; signatures are not checked.
 */
export const startSecretsManagerServer = async (
  secrets: Readonly<Record<string, string>>,
): Promise<SecretsManagerServer> => {
  const requested: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target !== 'secretsmanager.GetSecretValue') {
        send(res, 400, { __type: 'UnknownOperationException', message: `the test server does not serve ${target}` });
        return;
      }
      const { SecretId } = JSON.parse(body || '{}') as { SecretId?: string };
      requested.push(String(SecretId));
      const value = SecretId === undefined ? undefined : secrets[SecretId];
      if (value === undefined) {
        send(res, 400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
        return;
      }
      send(res, 200, {
        ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${SecretId}-AbCdEf`,
        Name: SecretId,
        SecretString: value,
        VersionId: '00000000-0000-0000-0000-000000000001',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 1_767_225_600,
      });
    });
  });
  return { ...(await listenOnLoopback(server)), requested };
};
