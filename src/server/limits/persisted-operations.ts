// The allow-list of GRAPHQL_PERSISTED_ONLY=1: only operations a frontend shipped (the manifest,
// sha256 → query, built by `npm run persisted:build`) run. A client names one by its hash (the
// Apollo APQ extension, with or without the text) or sends its full text; nothing else runs, so
// an attacker holding a valid token still cannot craft queries.
import fs from 'node:fs';
import { parse } from 'graphql';
import { canonicalOperationText } from './canonical-operation-text';
import { LimitError } from './limit-error';
import { operationHash } from './operation-hash';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export class PersistedOperations {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  /** Checks every entry: a 64-hex key, a query that parses, and the key being its SHA-256. */
  static fromManifest(manifest: unknown): PersistedOperations {
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
      throw new Error('must be a JSON object mapping sha256 hashes to queries');
    }
    const byHash = new Map<string, string>();
    for (const [hash, query] of Object.entries(manifest)) {
      if (!SHA256_HEX.test(hash)) throw new Error(`has a key that is not a lowercase hex SHA-256: "${hash.slice(0, 80)}"`);
      if (typeof query !== 'string' || query.trim() === '') throw new Error(`entry ${hash}: the query must be a non-empty string`);
      if (operationHash(query) !== hash) throw new Error(`entry ${hash}: the key is not the SHA-256 of its query`);
      try {
        parse(query);
      } catch (err) {
        throw new Error(`entry ${hash}: the query does not parse (${err instanceof Error ? err.message : String(err)})`);
      }
      byHash.set(hash, query);
    }
    if (byHash.size === 0) throw new Error('lists no operations');
    return new PersistedOperations(byHash);
  }

  static fromFile(file: string): PersistedOperations {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `names a file that does not exist: ${file}` : `cannot be read (${file}): ${String(err)}`);
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch (err) {
      throw new Error(`is not valid JSON (${file}): ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      return PersistedOperations.fromManifest(manifest);
    } catch (err) {
      throw new Error(`(${file}) ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  get size(): number {
    return this.byHash.size;
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  /**
   * The listed query text for a request, or the refusal: PERSISTED_QUERY_NOT_FOUND for a hash
   * the manifest does not hold, PERSISTED_QUERY_REQUIRED for no hash and a text that is not listed
   * (or a text that does not match the hash sent with it).
   */
  resolve(query: unknown, extensions: unknown): { query: string; hash: string } | LimitError {
    const persisted = (extensions as { persistedQuery?: unknown } | null | undefined)?.persistedQuery;
    const hasText = typeof query === 'string' && query !== '';
    if (persisted && typeof persisted === 'object') {
      const hash = (persisted as { sha256Hash?: unknown }).sha256Hash;
      if (typeof hash !== 'string' || hash === '') {
        return required('The persistedQuery extension must carry a sha256Hash.');
      }
      const listed = this.byHash.get(hash.toLowerCase());
      if (!listed) {
        return new LimitError('PERSISTED_QUERY_NOT_FOUND', `No persisted operation has the hash ${hash.slice(0, 64)}; only listed operations run here.`, {
          sha256Hash: hash.slice(0, 64),
        });
      }
      if (hasText && this.listedHashOf(query as string) !== hash.toLowerCase()) {
        return required('The query text sent with the hash is not the persisted operation it names.');
      }
      return { query: listed, hash: hash.toLowerCase() };
    }
    if (!hasText) return required('Send a persisted operation: its sha256Hash in extensions.persistedQuery, or its full listed text.');
    const hash = this.listedHashOf(query as string);
    if (!hash) return required('Only persisted operations run on this server; this query text is not in the allow-list.');
    return { query: this.byHash.get(hash) as string, hash };
  }

  /** The hash under which a text is listed: as sent, or in its canonical form; null if neither. */
  private listedHashOf(query: string): string | null {
    const exact = operationHash(query);
    if (this.byHash.has(exact)) return exact;
    try {
      const canonical = operationHash(canonicalOperationText(parse(query)));
      return this.byHash.has(canonical) ? canonical : null;
    } catch {
      return null;
    }
  }
}

function required(message: string): LimitError {
  return new LimitError('PERSISTED_QUERY_REQUIRED', message);
}
