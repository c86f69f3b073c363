/** @file Types for scripts/serve-web.mjs, so TypeScript callers (the E2E setup) can import it. */
export declare const CONTENT_SECURITY_POLICY: string;
export declare function startServer(opts?: { dir?: string; port?: number; host?: string }): Promise<{ url: string; close(): Promise<void> }>;
