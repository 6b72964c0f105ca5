// 双公示 of the demo store: one PenaltyPublication per seeded penalty decision (不予处罚 has none),
// each in a final state only — mostly PUBLISHED within the 7 working days, a few PUBLISHED after
// them (reported late), a few REJECTED by the platform with the reasons it gives. No outbox
// messages and nothing left to poll (test files share the database: nothing here may be picked up
// by a worker). The record stored with each row is built by the same pure builder the hub uses.
// seedDemoData inserts these rows in a statement of their own right after its batch transaction,
// which is already close to Prisma's 5 s transaction limit.
//
// Deterministic: every choice derives from a hash of the decision number; times are fixed
// relative to the decision and never pass the seed's horizon (2026-11-18 18:00).
import type { Prisma } from '../generated/prisma/client';
import type { DepartmentKind, PartyKind, PenaltyKind } from '../generated/prisma/enums';
import type { PenaltyRecord } from '../../connectors/social-credit/types';
import { createHash } from 'node:crypto';
import { WorkingDayCalendar } from '../domain/calendar';
import { addMonths, buildPenaltyRecord, type RecordSource } from '../modules/penalty-publication/penalty-record';
import { PUBLICATION_WORKING_DAYS } from '../modules/penalty-publication/penalty-publication.service';
import type { DemoRows } from './seed';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
/** Nothing in the demo happens after this (as in seed.ts). */
const HORIZON = Date.UTC(2026, 10, 18, 18, 0) - SHANGHAI;
/** Shares (out of 100) of rejected and of late reports. */
const REJECTED_SHARE = 6;
const LATE_SHARE = 6;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Name-based UUID (version 5 layout over SHA-1) in the seed's namespace, stable across runs. */
function uuidFor(key: string): string {
  const h = createHash('sha1').update('enforcement-data-hub/demo-seed/v1').update('\u0000').update(key).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function yuanOf(value: unknown): string {
  const text = String(value ?? '0');
  return /^\d+\.\d{2}$/.test(text) ? text : Number(text).toFixed(2);
}

/** A moment in office hours (09:00–12:00, 14:00–18:00 Shanghai) of the day of `dayEnd`, chosen by `h`. */
function officeTimeOn(dayEnd: Date, h: number): number {
  const dayStart = dayEnd.getTime() + 1 - DAY;
  const minute = 9 * 60 + (h % 420);
  return dayStart + (minute >= 12 * 60 ? minute + 120 : minute) * MINUTE;
}

/** RC + yyyyMMddHHmmss (Shanghai) + 5 digits, as the platform numbers its receipts. */
function receiptId(at: number, n: number): string {
  const stamp = new Date(at + SHANGHAI).toISOString().slice(0, 19).replace(/[-T:]/g, '');
  return `RC${stamp}${String(n % 100_000).padStart(5, '0')}`;
}

interface Rejection {
  code: string;
  field: string;
  message: string;
}

/** A realistic refusal by the platform for this record, and the record as it was (wrongly) sent. */
function rejectionFor(record: PenaltyRecord, registeredName: string, h: number): { reason: Rejection; sent: PenaltyRecord } {
  const options: Array<() => { reason: Rejection; sent: PenaltyRecord }> = [];
  if (record.partyCategory !== 'NATURAL_PERSON') {
    options.push(() => {
      const typo = registeredName.includes('有限公司') ? registeredName.replace('有限公司', '公司') : registeredName.replace(/^深圳市/, '');
      return {
        reason: { code: 'PARTY_NOT_MATCHED', field: 'partyName', message: `统一社会信用代码登记的名称为“${registeredName}”，与行政相对人名称不一致` },
        sent: { ...record, partyName: typo },
      };
    });
    options.push(() => {
      const { legalRepresentative: _omitted, ...sent } = record;
      return {
        reason: { code: 'LEGAL_REPRESENTATIVE_REQUIRED', field: 'legalRepresentative', message: '法人及非法人组织、个体工商户须填写法定代表人（经营者）' },
        sent,
      };
    });
  }
  if (record.penaltyCategories.includes('FINE')) {
    options.push(() => {
      const { fineAmount: _omitted, ...sent } = record;
      return { reason: { code: 'FINE_AMOUNT_MISMATCH', field: 'fineAmount', message: '处罚类别包含罚款，但罚款金额为空或为0' }, sent };
    });
  }
  options.push(() => ({
    reason: { code: 'PUBLICITY_PERIOD_OUT_OF_RANGE', field: 'publicUntil', message: '公示截止期须在处罚决定日期后3个月至3年之间' },
    sent: { ...record, publicUntil: addMonths(record.decisionDate, 1) },
  }));
  return options[h % options.length]();
}

/** The publication rows of the seeded decisions. */
export function buildSeedPublications(rows: DemoRows, calendar = new WorkingDayCalendar()): Prisma.PenaltyPublicationCreateManyInput[] {
  const cases = new Map(rows.cases.map((c) => [c.id as string, c]));
  const parties = new Map(rows.parties.map((p) => [p.id as string, p]));
  const items = new Map(rows.powerItems.map((i) => [i.id as string, i]));
  const departments = new Map(rows.departments.map((d) => [d.id as string, d]));
  const respondents = new Map<string, Prisma.PartyCreateManyInput[]>();
  for (const cp of rows.caseParties) {
    if (cp.role === 'RELATED') continue;
    const party = parties.get(cp.partyId);
    if (!party) continue;
    respondents.set(cp.caseId, [...(respondents.get(cp.caseId) ?? []), party]);
  }

  const out: Prisma.PenaltyPublicationCreateManyInput[] = [];
  const decisions = [...rows.decisions].sort((a, b) => new Date(a.decidedAt).getTime() - new Date(b.decidedAt).getTime());
  decisions.forEach((d, index) => {
    if ((d.kind as PenaltyKind) === 'NO_PENALTY') return;
    const c = cases.get(d.caseId);
    const item = c ? items.get(c.powerItemId) : undefined;
    const department = c ? departments.get(c.departmentId) : undefined;
    const party = (respondents.get(d.caseId) ?? []).sort(
      (a, b) => new Date(a.createdAt ?? 0).getTime() - new Date(b.createdAt ?? 0).getTime() || a.code.localeCompare(b.code),
    )[0];
    if (!c || !item || !department || !party) return;
    const decidedAt = new Date(d.decidedAt);
    const source: RecordSource = {
      case: { caseNo: c.caseNo, summary: c.summary, facts: c.facts ?? null, address: c.address, serious: c.serious ?? false },
      decision: {
        decisionNo: d.decisionNo,
        kind: d.kind as PenaltyKind,
        fineAmount: yuanOf(d.fineAmount),
        confiscatedAmount: yuanOf(d.confiscatedAmount),
        basis: d.basis,
        reasoning: d.reasoning,
        decidedAt,
      },
      party: {
        kind: party.kind as PartyKind,
        code: party.code,
        name: party.name,
        legalRepName: party.legalRepName ?? null,
        phone: party.phone ?? null,
        address: party.address ?? null,
      },
      powerItem: { name: item.name, legalBasis: item.legalBasis },
      department: { name: department.name, kind: department.kind as DepartmentKind, uscc: department.uscc ?? null },
      licence: null,
    };
    const record = buildPenaltyRecord(source);
    const h = fnv1a(d.decisionNo);
    const dueAt = calendar.endOfWorkingDaysAfter(decidedAt, PUBLICATION_WORKING_DAYS);

    // A suspension or revocation without the affected permit on file is what the platform refuses.
    const licenceMissing = (record.penaltyCategories.includes('SUSPEND_LICENCE') || record.penaltyCategories.includes('REVOKE_LICENCE')) && !record.licenceAffected;
    const rejected = licenceMissing || h % 100 < REJECTED_SHARE;
    let late = !rejected && h % 100 < REJECTED_SHARE + LATE_SHARE;

    const reportAfter = (workingDays: number) => officeTimeOn(calendar.endOfWorkingDaysAfter(decidedAt, workingDays), (h >>> 8) % 420);
    let reportedAt = late ? reportAfter(8 + ((h >>> 4) % 4)) : reportAfter(1 + ((h >>> 4) % 4));
    if (reportedAt > HORIZON && late) {
      late = false;
      reportedAt = reportAfter(1);
    }
    if (reportedAt > HORIZON) reportedAt = decidedAt.getTime() + 30 * MINUTE;
    const settledAt = Math.min(reportedAt + (12 + ((h >>> 12) % 44)) * MINUTE, Math.max(HORIZON, reportedAt + MINUTE));

    let sent = record;
    let reasons: Rejection[] = [];
    if (rejected) {
      if (licenceMissing) {
        reasons = [{ code: 'LICENCE_REQUIRED', field: 'licenceAffected', message: '处罚类别包含暂扣或吊销许可证件，须填写证照名称及编号' }];
      } else {
        const r = rejectionFor(record, party.name, h >>> 16);
        reasons = [r.reason];
        sent = r.sent;
      }
    }
    out.push({
      id: uuidFor(`penalty-publication:${d.decisionNo}`),
      decisionId: d.id as string,
      caseId: d.caseId,
      decisionNo: d.decisionNo,
      status: rejected ? 'REJECTED' : 'PUBLISHED',
      dueAt,
      record: sent as unknown as Prisma.InputJsonValue,
      receiptId: receiptId(reportedAt, 17 + index * 7),
      duplicate: false,
      reportCount: 1,
      reportedAt: new Date(reportedAt),
      publishedAt: rejected ? null : new Date(settledAt),
      rejectedAt: rejected ? new Date(settledAt) : null,
      rejections: reasons as unknown as Prisma.InputJsonValue,
      nextPollAt: null,
      lastPolledAt: new Date(settledAt),
      pollCount: 2,
      lastError: null,
      createdAt: decidedAt,
      updatedAt: new Date(settledAt),
    });
  });
  return out;
}
