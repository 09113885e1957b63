// The slice of s3rver's API the local stack uses (the package ships no types).
declare module 's3rver' {
  import type { IncomingMessage } from 'node:http';
  interface S3rverOptions {
    port?: number;
    address?: string;
    directory?: string;
    silent?: boolean;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs: (string | Buffer)[] }[];
  }
  /** A Koa application: its middleware array is composed when it starts. */
  export interface Context {
    req: IncomingMessage;
    set(header: string, value: string): void;
    path: string;
    /** The path and query, as sent. */
    url: string;
    headers: Record<string, string | string[] | undefined>;
    method: string;
    query: Record<string, unknown>;
    status: number;
    type: string;
    body: unknown;
    get(header: string): string;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    middleware: ((ctx: Context, next: () => Promise<void>) => Promise<void>)[];
    on(event: 'event', listener: (event: never) => void): this;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

// Its account registry: the local stack adds the stack's own key pair to it.
declare module 's3rver/lib/models/account.js' {
  const AWSAccount: { DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void } };
  export default AWSAccount;
}
