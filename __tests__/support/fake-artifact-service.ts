// A loopback stand-in for the Actions artifact service (v4 artifacts, as @actions/artifact 2+ speaks it):
// the Twirp JSON API at /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact,FinalizeArtifact}
// and the Azure Blob block-upload protocol (PUT ?comp=block, PUT ?comp=blocklist) behind the signed upload
// URL it hands out. Point ACTIONS_RESULTS_URL at `url` and set ACTIONS_RUNTIME_TOKEN to `runtimeToken`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface FakeArtifact {
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** The committed blob (the zip), once the block list is committed. */
  bytes?: Buffer;
  size?: string;
  hash?: string;
  finalized: boolean;
}

export interface FakeArtifactService {
  url: string;
  /** A JWT (unsigned, as the client only decodes it) whose scope names the run and job backend ids. */
  runtimeToken: string;
  artifacts: FakeArtifact[];
  /** Twirp method names called, in order. */
  calls: string[];
  close(): Promise<void>;
}

const RUN_ID = 'c0ffee00-0000-4000-8000-000000000001';
const JOB_ID = 'c0ffee00-0000-4000-8000-000000000002';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const artifacts: FakeArtifact[] = [];
  const calls: string[] = [];
  const blocks = new Map<string, Buffer>();
  let url = '';
  let nextId = 9001;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const self = new URL(req.url ?? '/', url);
      const body = await readBytes(req);
      if (req.method === 'POST' && self.pathname.startsWith(SERVICE)) {
        const method = self.pathname.slice(SERVICE.length);
        calls.push(method);
        if (!/^Bearer .+/.test(String(req.headers.authorization ?? ''))) {
          return json(res, 401, { code: 'unauthenticated', msg: 'no token' });
        }
        const request = JSON.parse(body.toString('utf8') || '{}') as Record<string, string>;
        if (method === 'CreateArtifact') {
          if (artifacts.some((a) => a.name === request.name)) {
            return json(res, 409, { code: 'already_exists', msg: 'an artifact with this name already exists' });
          }
          const artifact: FakeArtifact = {
            id: nextId++,
            name: request.name!,
            workflowRunBackendId: request.workflow_run_backend_id!,
            workflowJobRunBackendId: request.workflow_job_run_backend_id!,
            finalized: false,
          };
          artifacts.push(artifact);
          return json(res, 200, { ok: true, signed_upload_url: `${url}/blob/${artifact.id}?sig=fake` });
        }
        if (method === 'FinalizeArtifact') {
          const artifact = artifacts.find((a) => a.name === request.name);
          if (!artifact?.bytes) return json(res, 404, { code: 'not_found', msg: 'nothing uploaded under that name' });
          Object.assign(artifact, { finalized: true, size: request.size, hash: request.hash });
          return json(res, 200, { ok: true, artifact_id: String(artifact.id) });
        }
        return json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
      }
      const blob = /^\/blob\/(\d+)$/.exec(self.pathname);
      if (req.method === 'PUT' && blob) {
        const id = Number(blob[1]);
        const artifact = artifacts.find((a) => a.id === id);
        if (!artifact || self.searchParams.get('sig') !== 'fake') {
          res.writeHead(403, { 'x-ms-error-code': 'AuthenticationFailed' });
          return res.end();
        }
        const headers = { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-id': 'fake' };
        const comp = self.searchParams.get('comp');
        if (comp === 'block') {
          blocks.set(`${id}:${self.searchParams.get('blockid')}`, body);
          res.writeHead(201, headers);
          return res.end();
        }
        if (comp === 'blocklist') {
          const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map(
            (m) => m[1],
          );
          artifact.bytes = Buffer.concat(ids.map((b) => blocks.get(`${id}:${b}`) ?? Buffer.alloc(0)));
          res.writeHead(201, headers);
          return res.end();
        }
        // A single-shot upload (small blobs).
        artifact.bytes = body;
        res.writeHead(201, headers);
        return res.end();
      }
      res.writeHead(404);
      res.end();
    })().catch((err: unknown) => json(res, 500, { code: 'internal', msg: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const runtimeToken = [
    base64url({ alg: 'none', typ: 'JWT' }),
    base64url({ scp: `Actions.GenericRead:x Actions.Results:${RUN_ID}:${JOB_ID}` }),
    'unsigned',
  ].join('.');
  return {
    url,
    runtimeToken,
    artifacts,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
