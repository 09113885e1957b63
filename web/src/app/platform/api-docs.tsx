import { ReaderOptions } from '../components/ReaderOptions.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { platformText } from '../i18n/platform/index.ts';
import { useText } from '../i18n/text.ts';
import { useLoad } from '../components/useLoad.tsx';
import { mount } from '../mount.tsx';

interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  'x-access': string;
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { description: string }>;
}
type Document = { info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };

const METHOD_COLOURS: Record<string, string> = {
  get: 'bg-green-100 text-green-900',
  post: 'bg-blue-100 text-blue-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
};

const fetchDocument = () => fetch('/api/openapi.json').then((r) => r.json() as Promise<Document>);

/** The API reference, rendered from the OpenAPI document the API serves (one source of truth). */
function ApiDocs() {
  const t = useText(commonText, platformText);
  const { data: doc, error } = useLoad(fetchDocument);

  const access = (a: string) => (a === 'public' ? t.apiDocs.public : a === 'signed-in' ? t.apiDocs.signedIn : format(t.apiDocs.permission, { permission: a }));
  const operations = doc ? Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op }))) : [];
  const contexts = [...new Set(operations.map((o) => o.op.tags[0] ?? ''))];

  return (
    <main className="mx-auto max-w-5xl px-4 py-12">
      <div className="flex items-center justify-between">
        <a href="/" className="font-semibold text-brand-700">
          {t.appName}
        </a>
        <ReaderOptions />
      </div>
      <h1 className="mt-8 text-3xl font-bold">{t.apiDocs.title}</h1>
      <p className="mt-2 text-slate-600">
        {t.apiDocs.lead}{' '}
        <a href="/api/openapi.json" className="text-brand-700 underline">
          {t.apiDocs.raw}
        </a>
      </p>
      {error !== null && <ErrorNotice error={error} />}
      {!doc && error === null && <Loading />}
      {contexts.map((context) => (
        <section key={context} aria-labelledby={`ctx-${context}`} className="mt-10">
          <h2 id={`ctx-${context}`} className="text-xl font-semibold capitalize">
            {context}
          </h2>
          {operations
            .filter((o) => o.op.tags[0] === context)
            .map(({ path, method, op }) => (
              <details key={op.operationId} id={op.operationId} className="mt-3 rounded-lg bg-white p-4 shadow">
                <summary className="cursor-pointer">
                  <span className={`me-2 rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_COLOURS[method] ?? ''}`}>{method}</span>
                  <code className="font-mono text-sm">{path}</code>
                  <span className="ms-3 text-slate-700">{op.summary}</span>
                </summary>
                <dl className="mt-3 space-y-3 text-sm">
                  <div>
                    <dt className="font-medium">{t.apiDocs.access}</dt>
                    <dd>{access(op['x-access'])}</dd>
                  </div>
                  {op.parameters.length > 0 && (
                    <div>
                      <dt className="font-medium">{t.apiDocs.parameters}</dt>
                      <dd>
                        <ul>
                          {op.parameters.map((p) => (
                            <li key={`${p.in}-${p.name}`}>
                              <code>{p.name}</code> ({p.in}
                              {p.required ? ', required' : ''})
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </div>
                  )}
                  {op.requestBody && (
                    <div>
                      <dt className="font-medium">{t.apiDocs.body}</dt>
                      <dd>
                        <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-3 text-xs">
                          {JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}
                        </pre>
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt className="font-medium">{t.apiDocs.responses}</dt>
                    <dd>
                      {Object.entries(op.responses)
                        .map(([code, r]) => `${code} ${r.description}`)
                        .join(' · ')}
                    </dd>
                  </div>
                </dl>
              </details>
            ))}
        </section>
      ))}
    </main>
  );
}

mount(ApiDocs);
