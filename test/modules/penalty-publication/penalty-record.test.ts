// The 双公示 record builder on its own: the contract's example rebuilt from the case it describes,
// the amount in words, the penalty categories, validity and publicity periods, and redaction.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  PUBLISHED_TEXT_FIELDS,
  addMonths,
  buildPenaltyRecord,
  chineseUpperAmount,
  combinedLegalBasis,
  penaltyCategoriesOf,
  penaltyContentOf,
  publicityMonths,
  redactText,
  validUntilOf,
  type RecordSource,
} from '../../../src/modules/penalty-publication/penalty-record';
import { readWireRecord } from './support';

const EXAMPLES = path.resolve(__dirname, '../../../../shared/contracts/examples/social-credit');

/** The case behind the contract's ReportAdministrativePenalty example (深龙华观湖罚决〔2025〕37号). */
function exampleSource(): RecordSource {
  return {
    case: {
      caseNo: 'GH-2025-00037',
      summary: '超出许可范围占用城市道路从事经营活动',
      facts:
        '2025年3月10日至3月16日，当事人超出临时占用城市道路许可（编号440309ZYDL2024000311）核准的18平方米范围，在大和路56号门前人行道摆放餐桌椅约45平方米从事餐饮经营，经责令改正后仍未改正。',
      address: '深圳市龙华区观湖街道大和社区大和路56号',
      serious: false,
    },
    decision: {
      decisionNo: '深龙华观湖罚决〔2025〕37号',
      kind: 'FINE',
      fineAmount: '5000.00',
      confiscatedAmount: '0.00',
      basis: '《城市道路管理条例》第四十二条',
      reasoning: '当事人超出许可范围占用城市道路的行为，违反了《城市道路管理条例》第三十一条的规定。依据《城市道路管理条例》第四十二条，决定处罚款人民币5000.00元。',
      decidedAt: new Date('2025-03-17T16:20:00+08:00'),
    },
    party: {
      kind: 'ORGANISATION',
      code: '91440309MA5H2R7W2D',
      name: '深圳市观澜湖畔餐饮管理有限公司',
      legalRepName: '黄志强',
      phone: '0755-28012356',
      address: '深圳市龙华区观湖街道大和社区大和路56号',
    },
    powerItem: { name: '超出许可范围占用城市道路从事经营活动', legalBasis: '《城市道路管理条例》第三十一条' },
    department: { name: '深圳市龙华区观湖街道综合行政执法队', kind: 'STREET_TEAM', uscc: '11440309MB2C17843E' },
  };
}

describe('the contract example', () => {
  it('is rebuilt field by field and in order — without the legal representative’s ID (optional, minimum necessary)', () => {
    const example = readWireRecord(readFileSync(path.join(EXAMPLES, 'ReportAdministrativePenalty.request.xml'), 'utf8'));
    const record = buildPenaltyRecord(exampleSource());
    const expected = { ...example.fields };
    delete expected.idType;
    delete expected.idNumber;
    expect(record).toEqual(expected);
    expect(Object.keys(record)).toEqual(example.order.filter((f) => f !== 'idType' && f !== 'idNumber'));
  });
});

describe('amounts in words (人民币大写)', () => {
  it.each([
    ['5000.00', '伍仟元整'],
    ['186400.00', '壹拾捌万陆仟肆佰元整'],
    ['100500.00', '壹拾万零伍佰元整'],
    ['1005.00', '壹仟零伍元整'],
    ['10.00', '壹拾元整'],
    ['200000.00', '贰拾万元整'],
    ['100010000.00', '壹亿零壹万元整'],
    ['1005.50', '壹仟零伍元伍角整'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['0.50', '伍角整'],
    ['0.05', '伍分'],
    ['0.00', '零元整'],
  ])('%s → %s', (yuan, words) => {
    expect(chineseUpperAmount(yuan)).toBe(words);
  });

  it('refuses anything but a yuan amount with 2 decimals', () => {
    expect(() => chineseUpperAmount('5000')).toThrow(RangeError);
    expect(() => chineseUpperAmount('-1.00')).toThrow(RangeError);
  });
});

describe('penalty categories, content and periods', () => {
  const d = (kind: RecordSource['decision']['kind'], reasoning: string, fine = '0.00', confiscated = '0.00') => ({
    kind,
    reasoning,
    fineAmount: fine,
    confiscatedAmount: confiscated,
  });

  it('maps the hub’s penalty kinds to the contract’s categories, in the contract’s order', () => {
    expect(penaltyCategoriesOf(d('FINE', '决定处罚款人民币500.00元。', '500.00'))).toEqual(['FINE']);
    expect(penaltyCategoriesOf(d('WARNING', '决定给予警告。'))).toEqual(['WARNING']);
    expect(penaltyCategoriesOf(d('WARNING', '决定予以通报批评。'))).toEqual(['NOTICE_OF_CRITICISM']);
    expect(penaltyCategoriesOf(d('CONFISCATION', '决定没收违法所得及非法财物（折合人民币3000.00元），并处罚款人民币20000.00元。', '20000.00', '3000.00'))).toEqual([
      'FINE',
      'CONFISCATE_ILLEGAL_GAINS',
      'CONFISCATE_ILLEGAL_PROPERTY',
    ]);
    expect(penaltyCategoriesOf(d('CONFISCATION', '决定没收违法所得。', '0.00', '800.00'))).toEqual(['CONFISCATE_ILLEGAL_GAINS']);
    expect(penaltyCategoriesOf(d('REVOCATION', '决定吊销燃气经营许可证件，并处罚款人民币100000.00元。', '100000.00'))).toEqual(['FINE', 'REVOKE_LICENCE']);
    expect(penaltyCategoriesOf(d('BUSINESS_RESTRICTION', '决定责令停业整顿15日。'))).toEqual(['ORDER_SUSPEND_BUSINESS']);
    expect(penaltyCategoriesOf(d('SUSPENSION', '决定暂扣许可证件3个月。'))).toEqual(['SUSPEND_LICENCE']);
    expect(penaltyCategoriesOf(d('NO_PENALTY', '决定不予行政处罚。'))).toEqual([]);
  });

  it('words the content as on the decision (罚款人民币伍仟元整（5000.00元）)', () => {
    expect(penaltyContentOf(['FINE'], d('FINE', '', '5000.00'), null)).toBe('罚款人民币伍仟元整（5000.00元）');
    expect(penaltyContentOf(['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'], d('CONFISCATION', '', '20000.00', '3000.00'), null)).toBe(
      '罚款人民币贰万元整（20000.00元）；没收违法所得及非法财物，折合人民币叁仟元整（3000.00元）',
    );
    expect(penaltyContentOf(['REVOKE_LICENCE'], d('REVOCATION', ''), { name: '燃气经营许可证', number: '粤202603001' })).toBe('吊销燃气经营许可证（粤202603001）');
    expect(penaltyContentOf(['ORDER_SUSPEND_BUSINESS'], d('BUSINESS_RESTRICTION', '决定责令停业整顿15日。'), null)).toBe('责令停业整顿15日');
  });

  it('validUntil: decision date for a warning, +15 days for a fine, the stated period, 2099-12-31 for a revocation', () => {
    expect(validUntilOf(['WARNING'], '2026-03-02', '')).toBe('2026-03-02');
    expect(validUntilOf(['FINE'], '2025-03-17', '')).toBe('2025-04-01');
    expect(validUntilOf(['ORDER_SUSPEND_BUSINESS'], '2026-03-02', '决定责令停业整顿15日。')).toBe('2026-03-17');
    expect(validUntilOf(['SUSPEND_LICENCE'], '2026-03-02', '决定暂扣许可证件3个月。')).toBe('2026-06-02');
    expect(validUntilOf(['FINE', 'REVOKE_LICENCE'], '2026-03-02', '')).toBe('2099-12-31');
  });

  it('publicUntil: 3 months for a warning or a small fine, 1 year otherwise, 3 years for a revocation — always within the contract’s range', () => {
    expect(publicityMonths(['FINE'], '5000.00', 'LEGAL_PERSON', false)).toBe(3);
    expect(publicityMonths(['WARNING'], '0.00', 'NATURAL_PERSON', false)).toBe(3);
    expect(publicityMonths(['FINE'], '10000.00', 'NATURAL_PERSON', false)).toBe(12);
    expect(publicityMonths(['FINE'], '5000.00', 'LEGAL_PERSON', true)).toBe(12);
    expect(publicityMonths(['FINE', 'CONFISCATE_ILLEGAL_GAINS'], '500.00', 'LEGAL_PERSON', false)).toBe(12);
    expect(publicityMonths(['FINE', 'REVOKE_LICENCE'], '100000.00', 'LEGAL_PERSON', false)).toBe(36);
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });

  it('joins the violated provision and the penalty provision of one law', () => {
    expect(combinedLegalBasis('《城市道路管理条例》第三十一条', '《城市道路管理条例》第四十二条第（六）项')).toBe('《城市道路管理条例》第三十一条、第四十二条第（六）项');
    expect(combinedLegalBasis('《A条例》第一条', '《B办法》第二条')).toBe('《A条例》第一条；《B办法》第二条');
  });
});

describe('redaction', () => {
  const person = {
    naturalPerson: true,
    knownNumbers: ['440306198503122310', '13802567314'],
    addresses: ['深圳市龙华区观湖街道松元厦社区松元新村7栋302', '深圳市龙华区观湖街道松元厦社区环观南路12号'],
  };

  it('removes a natural person’s ID number, phones and addresses, however they are written', () => {
    const text =
      '当事人陈建国（身份证号440306198503122310，联系电话138 0256 7314，住深圳市龙华区观湖街道松元厦社区松元新村7栋302）在环观南路12号门前摆卖，' +
      '另查明其亲属（身份证号43052419920718402X，电话139-2608-3571，座机0755-28012356转8）住松元新村7栋302、上围村一巷9号3单元501室。';
    const out = redactText(text, person);
    expect(out).toBe(
      '当事人陈建国（身份证号***，联系电话***，住深圳市龙华区观湖街道）在***门前摆卖，另查明其亲属（身份证号***，电话***，座机***）住***、上围村一巷***。',
    );
  });

  it('keeps an organisation’s premises, permit numbers and amounts, but never an ID or phone number', () => {
    const org = { naturalPerson: false, knownNumbers: ['0755-28012356'], addresses: [] };
    const text = '当事人在大和路56号门前占道（许可编号440309ZYDL2024000311），罚款5000.00元；店长（身份证号44148119780925115X，手机13912345678）在场，门店电话075528012356。';
    expect(redactText(text, org)).toBe('当事人在大和路56号门前占道（许可编号440309ZYDL2024000311），罚款5000.00元；店长（身份证号***，手机***）在场，门店电话***。');
  });

  it('a natural person’s record carries the ID number only in idType/idNumber', () => {
    const src = exampleSource();
    src.party = {
      kind: 'PERSON',
      code: '440306198503122310',
      name: '陈建国',
      legalRepName: null,
      phone: '13802567314',
      address: '深圳市龙华区观湖街道松元厦社区松元新村7栋302',
    };
    src.case.facts = '当事人陈建国（440306198503122310，13802567314）住深圳市龙华区观湖街道松元厦社区松元新村7栋302，在大和路56号门前摆卖。';
    const record = buildPenaltyRecord(src);
    expect(record).toMatchObject({ partyCategory: 'NATURAL_PERSON', idType: 'ID_CARD', idNumber: '440306198503122310', partyName: '陈建国' });
    expect(record.uscc).toBeUndefined();
    expect(record.legalRepresentative).toBeUndefined();
    for (const field of PUBLISHED_TEXT_FIELDS) {
      const value = record[field] ?? '';
      for (const secret of ['440306198503122310', '13802567314', '松元新村', '7栋302', '大和路56号']) expect(value).not.toContain(secret);
    }
    expect(record.facts).toBe('当事人陈建国（***，***）住深圳市龙华区观湖街道，在***门前摆卖。');
  });
});
