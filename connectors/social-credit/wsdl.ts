// Where the WSDL lives and how node-soap must read values, shared by the client and the simulator.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CREDIT_NAMESPACE = 'urn:gov:credit:sharing:v2';
export const SOAP_ENV_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const WSSE_NAMESPACE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const PASSWORD_TEXT_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

export type CreditOperation = 'QueryCreditProfile' | 'BatchQueryCreditProfile' | 'ReportAdministrativePenalty' | 'QueryReportStatus';
export const CREDIT_OPERATIONS: readonly CreditOperation[] = [
  'QueryCreditProfile',
  'BatchQueryCreditProfile',
  'ReportAdministrativePenalty',
  'QueryReportStatus',
];

/** `SOAPAction: "<targetNamespace>/<Operation>"` (the quotes are part of the header value). */
export function soapActionOf(operation: CreditOperation): string {
  return `"${CREDIT_NAMESPACE}/${operation}"`;
}

/** Path of the service on the simulator (the WSDL's own address is fictitious and always overridden). */
export const CREDIT_SERVICE_PATH = '/services/CreditSharingService';

/**
 * The WSDL copied from the contract. tsc does not copy it into dist/, so a compiled build
 * falls back to the source tree (dist/connectors/social-credit → connectors/social-credit).
 */
export function socialCreditWsdlPath(): string {
  const candidates = [
    path.join(__dirname, 'social-credit.wsdl'),
    path.resolve(__dirname, '..', '..', '..', 'connectors', 'social-credit', 'social-credit.wsdl'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`social-credit.wsdl not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * node-soap turns xsd:dateTime/xsd:date into Date (losing the offset, and reading an offset-less
 * value as local time) and xsd:decimal into a float. Keep the text; the mapping validates it.
 */
export const KEEP_TEXT_DESERIALIZER = {
  dateTime: (text: string) => text,
  date: (text: string) => text,
  decimal: (text: string) => text,
};

export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A millisecond instant as `YYYY-MM-DDTHH:mm:ss+08:00` (Asia/Shanghai, no DST). */
export function shanghaiDateTime(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The Asia/Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an xsd:dateTime that carries an explicit offset; null for anything else. */
export function parseOffsetDateTime(text: string): Date | null {
  if (!DATE_TIME.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` is a real calendar date. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
