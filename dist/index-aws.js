import { createHash } from 'node:crypto';
import { s as str } from './index-credentials.js';

// AWS request signing for Bedrock and SageMaker: SigV4 by @smithy/signature-v4 (the AWS SDK's own signer, with
// the SDK's SHA-256), credentials from config, the run's env keys, or the standard AWS chain (profiles, SSO, web
// identity, container and instance roles) through @aws-sdk/credential-provider-node. Imported on first call only.
/** config.region, then the service's own variable (AWS_BEDROCK_REGION), AWS_REGION, AWS_DEFAULT_REGION; us-east-1 as promptfoo. */
function awsRegion(config, env, serviceVar) {
    return (str(config.region) ??
        (serviceVar ? str(env[serviceVar]) : undefined) ??
        str(env.AWS_REGION) ??
        str(env.AWS_DEFAULT_REGION) ??
        'us-east-1');
}
/** Static keys from config or the env this run was given; otherwise the SDK's default chain (memoised by it). */
function awsCredentialSource(config, env) {
    const fromConfig = str(config.accessKeyId) && str(config.secretAccessKey);
    const keyId = fromConfig ? str(config.accessKeyId) : str(env.AWS_ACCESS_KEY_ID);
    const secret = fromConfig ? str(config.secretAccessKey) : str(env.AWS_SECRET_ACCESS_KEY);
    if (keyId && secret && (fromConfig || !str(config.profile))) {
        const sessionToken = fromConfig ? str(config.sessionToken) : str(env.AWS_SESSION_TOKEN);
        const credentials = { accessKeyId: keyId, secretAccessKey: secret, ...(sessionToken ? { sessionToken } : {}) };
        return async () => credentials;
    }
    let chain;
    return async () => {
        chain ??= import('./index-index2.js').then(function (n) { return n.a; }).then(({ defaultProvider }) => defaultProvider(str(config.profile) ? { profile: str(config.profile) } : {}));
        return (await chain)();
    };
}
/**
 * The headers of a signed request to `url` (host, date, payload hash, token, authorization), and the values to
 * redact: a JSON POST by default, or a GET (an empty payload). S3 signs its path as sent and wants the payload's
 * hash as a header.
 */
async function signAwsRequest(url, payload, service, region, credentials, method = 'POST') {
    const creds = await credentials();
    const [{ SignatureV4 }, { Sha256 }] = await Promise.all([
        import('./index-dist-es.js'),
        import('./index-module.js'),
    ]);
    const s3 = service === 's3';
    const signer = new SignatureV4({ service, region, credentials: creds, sha256: Sha256, uriEscapePath: !s3 });
    const headers = { host: url.host, accept: 'application/json' };
    if (method === 'POST')
        headers['content-type'] = 'application/json';
    if (s3)
        headers['x-amz-content-sha256'] = createHash('sha256').update(payload).digest('hex');
    const signed = await signer.sign({
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        ...(method === 'POST' ? { body: payload } : {}),
    });
    return {
        headers: signed.headers,
        secrets: [creds.secretAccessKey, ...(creds.sessionToken ? [creds.sessionToken] : [])],
    };
}

export { awsCredentialSource as a, awsRegion as b, signAwsRequest as s };
