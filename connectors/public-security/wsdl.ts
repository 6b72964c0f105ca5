// Where the byte-for-byte copy of public-security.wsdl lives at run time. tsc does not copy it to
// dist/, so a compiled hub (dist/connectors/public-security/*.js) falls back to the source folder.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PSB_WSDL_FILE = 'public-security.wsdl';

/** The path of the WSDL's <soap:address> location; the simulator serves the same path. */
export const PSB_SERVICE_PATH = '/services/LawEnforcementSupportService';

export function psbWsdlPath(): string {
  const candidates = [
    join(__dirname, PSB_WSDL_FILE),
    resolve(__dirname, '..', '..', '..', 'connectors', 'public-security', PSB_WSDL_FILE),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${PSB_WSDL_FILE} not found next to the public-security connector`);
  return found;
}

export function readPsbWsdl(): string {
  return readFileSync(psbWsdlPath(), 'utf8');
}
