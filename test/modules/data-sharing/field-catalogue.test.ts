// The field catalogue agreements choose from is derived from the schema; the subscription aliases
// and the demo agreements name only its paths; masking keeps what identifies no one.
import type { GraphQLSchema } from 'graphql';
import { fieldCatalogue, governingPath, PAYLOAD_ALIASES, PERSONAL_FIELDS, REFERENCE_TYPES } from '../../../src/auth/field-policy';
import { DEMO_AGREEMENT_FIELDS } from '../../../src/db/seed-agreements';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../src/domain/masking';
import { buildHubSchema } from '../../../src/schema/build-schema';
import { ShareableFieldsDocument } from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildHubSchema();
});

describe('the field catalogue', () => {
  it('lists the fields of the types reachable from EnforcementCase as Type.field', () => {
    const { paths, governedTypes } = fieldCatalogue(schema);
    for (const path of [
      'EnforcementCase.caseNo',
      'EnforcementCase.summary',
      'EnforcementCase.parties',
      'EnforcementCase.department',
      'CaseParty.party',
      'Party.name',
      'Party.phone',
      'PenaltyDecision.fineAmount',
      'Evidence.sha256',
      'Transfer.transferNo',
      'CaseEvent.payload',
      'Permit.holderName',
      'CreditProfile.subjectName',
    ]) {
      expect(paths).toContain(path);
    }
    // Identifiers are always shared; reference data and 12345 work orders are not listed; paging wrappers neither.
    expect([...paths].filter((p) => p.endsWith('.id'))).toEqual([]);
    for (const type of [...REFERENCE_TYPES, 'WorkOrder', 'WorkOrderRequester', 'CaseConnection', 'CaseEdge', 'PageInfo']) {
      expect(governedTypes.has(type)).toBe(false);
    }
    expect(paths).toContain('EnforcementCase.workOrders');
    expect(governingPath(fieldCatalogue(schema), 'Department', 'name')).toBeUndefined();
    expect(governingPath(fieldCatalogue(schema), 'EnforcementCase', 'id')).toBeNull();
  });

  it('maps every subscription payload field onto a catalogue path', () => {
    const { paths } = fieldCatalogue(schema);
    for (const [type, fields] of Object.entries(PAYLOAD_ALIASES)) {
      const gqlType = schema.getType(type) as { getFields(): Record<string, unknown> };
      expect(Object.keys(fields).sort()).toEqual(Object.keys(gqlType.getFields()).sort());
      for (const target of Object.values(fields)) if (target) expect(paths).toContain(target);
    }
  });

  it('holds every personal field and every field of the demo agreements', () => {
    const { paths } = fieldCatalogue(schema);
    for (const path of Object.keys(PERSONAL_FIELDS)) expect(paths).toContain(path);
    for (const fields of Object.values(DEMO_AGREEMENT_FIELDS)) for (const f of fields) expect(paths).toContain(f);
  });

  it('is served by shareableFields, personal data marked', async () => {
    const t: TestHub = await startTestHub();
    try {
      const res = await t.gql(ShareableFieldsDocument, {}, await t.token('LH-SCJG', 'PARTNER', 'catalogue-reader'));
      expect(res.errors).toBeUndefined();
      const byPath = new Map(res.data!.shareableFields.map((f) => [f.path, f]));
      expect(byPath.size).toBe(fieldCatalogue(schema).paths.size);
      expect(byPath.get('Party.phone')).toEqual({ path: 'Party.phone', typeName: 'Party', fieldName: 'phone', personalData: true });
      expect(byPath.get('EnforcementCase.caseNo')?.personalData).toBe(false);
    } finally {
      await t.stop();
    }
  });
});

describe('masking', () => {
  it('keeps 4 + 4 of an ID number, 3 + 4 of a mobile, the first character of a name', () => {
    expect(maskIdNumber('44030619850312231X')).toBe('4403**********231X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('陈建国')).toBe('陈**');
  });

  it('masks a person-held permit inside a permit check’s snapshot, and leaves an organisation’s alone', () => {
    const rule = PERSONAL_FIELDS['PermitCheck.snapshot'];
    const person = { permitNo: 'P-1', holderCode: '440306198503122310', holderName: '陈建国', address: '深圳市龙华区观湖街道松元新村7栋302', scope: '占道' };
    expect(rule.applies({}, person)).toBe(true);
    expect(rule.mask(person)).toEqual({ ...person, holderCode: '4403**********2310', holderName: '陈**', address: '深圳市龙华区观湖街道****' });
    expect(rule.applies({}, { ...person, holderCode: '91440309MA5H2R7W2D' })).toBe(false);
    expect(PERSONAL_FIELDS['Party.name'].applies({ kind: 'ORGANISATION' }, '某公司')).toBe(false);
    expect(PERSONAL_FIELDS['Party.legalRepName'].applies({ kind: 'ORGANISATION' }, '黄志强')).toBe(true);
  });

  it('keeps an address up to its street, town or district, never the door', () => {
    expect(maskAddress('深圳市龙华区观湖街道松元厦社区松元新村7栋302')).toBe('深圳市龙华区观湖街道****');
    expect(maskAddress('广东省东莞市虎门镇连升路8号')).toBe('广东省东莞市虎门镇****');
    expect(maskAddress('深圳市龙华区民治大道100号')).toBe('深圳市龙华区****');
    expect(maskAddress('某地某号')).toBe('某地某****');
    expect(maskAddress(null)).toBeNull();
    expect(maskAddress('')).toBe('');
  });
});
