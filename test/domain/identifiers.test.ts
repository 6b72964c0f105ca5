import {
  idNumberCheckChar,
  usccCheckChar,
  validateIdNumber,
  validatePartyCode,
  validateUscc,
} from '../../src/domain/identifiers';

// A fixed "today" so that the birth-date rules do not depend on when the tests run.
const TODAY = new Date('2025-06-01T00:00:00+08:00');

// shared/contracts/README.md, "Verified examples" and "Others in the examples"
const USCC_EXAMPLES = [
  '91440309MA5H2R7W2D',
  '92440309MA5J3Q1E1R',
  '11440309MB2C17843E',
  '91440309MA5G8H3L1D',
  '91440300MA5F9K4P3X',
  '91440300MA5DTB8661',
  '11440309MB2C09536C',
  '11440309MB2C09114D',
  '11440300MB2C55372G',
  '11440309MB2C34029B',
];
const ID_EXAMPLES = [
  '440306198503122310',
  '43052419920718402X',
  '360731199005063429',
  '440304198812031356',
  '44148119780925115X',
];

describe('worked examples', () => {
  it('USCC 91440309MA5H2R7W2 → D', () => {
    expect(usccCheckChar('91440309MA5H2R7W2')).toBe('D');
  });
  it('ID 43052419920718402 → X', () => {
    expect(idNumberCheckChar('43052419920718402')).toBe('X');
  });
});

describe('every verified example is valid', () => {
  it.each(USCC_EXAMPLES)('USCC %s', (code) => {
    expect(validateUscc(code)).toBeNull();
    expect(validatePartyCode(code, TODAY)).toEqual({ kind: 'ORGANISATION', problem: null });
  });
  it.each(ID_EXAMPLES)('ID %s', (code) => {
    expect(validateIdNumber(code, TODAY)).toBeNull();
    expect(validatePartyCode(code, TODAY)).toEqual({ kind: 'PERSON', problem: null });
  });
});

describe('USCC rejections', () => {
  const good = '91440309MA5H2R7W2D';
  const at = (i: number, ch: string): string => good.slice(0, i) + ch + good.slice(i + 1);

  it.each([
    ['17 characters', good.slice(0, 17), 'LENGTH'],
    ['19 characters', `${good}0`, 'LENGTH'],
    ['a trailing space', `${good} `, 'LENGTH'],
    ['a hyphen inserted', '91440309-MA5H2R7W2D', 'LENGTH'],
    ['lower case', good.toLowerCase(), 'CHARSET'],
    ['one lower-case letter', at(8, 'm'), 'CHARSET'],
    ['I', at(9, 'I'), 'CHARSET'],
    ['O', at(9, 'O'), 'CHARSET'],
    ['S', at(9, 'S'), 'CHARSET'],
    ['V', at(9, 'V'), 'CHARSET'],
    ['Z', at(9, 'Z'), 'CHARSET'],
    ['a full-width digit', at(0, '９'), 'CHARSET'],
    ['a full-width letter', at(8, 'Ｍ'), 'CHARSET'],
    ['a space in place of a character', at(8, ' '), 'CHARSET'],
    ['a hyphen in place of a character', at(8, '-'), 'CHARSET'],
    ['a letter in the region code', at(3, 'A'), 'REGION'],
    ['a wrong check character', at(17, 'E'), 'CHECK_CHARACTER'],
  ])('%s', (_label, code, rule) => {
    const problem = validateUscc(code);
    expect(problem).not.toBeNull();
    expect(problem?.rule).toBe(rule);
    expect(problem?.message.length).toBeGreaterThan(0);
  });

  it('a wrong check character names the expected one', () => {
    expect(validateUscc('91440309MA5H2R7W2E')?.message).toContain('"D"');
  });
});

describe('ID number rejections', () => {
  const good = '440306198503122310';
  const at = (i: number, ch: string): string => good.slice(0, i) + ch + good.slice(i + 1);

  it.each([
    ['17 characters', good.slice(0, 17), 'LENGTH'],
    ['a 15-digit first-generation number', '440306850312231', 'LENGTH'],
    ['a trailing space', `${good} `, 'LENGTH'],
    ['a lower-case x', '43052419920718402x', 'CHARSET'],
    ['a full-width X', '43052419920718402Ｘ', 'CHARSET'],
    ['a full-width digit', at(0, '４'), 'CHARSET'],
    ['a space in place of a digit', at(6, ' '), 'CHARSET'],
    ['a hyphen in place of a digit', at(6, '-'), 'CHARSET'],
    ['a wrong check character', at(17, '1'), 'CHECK_CHARACTER'],
    // check characters below are correct, so only the birth date is wrong
    ['birth date 19900230', '440306199002302318', 'BIRTH_DATE'],
    ['a birth date in the future', '440306203001012318', 'BIRTH_DATE'],
  ])('%s', (_label, code, rule) => {
    const problem = validateIdNumber(code, TODAY);
    expect(problem).not.toBeNull();
    expect(problem?.rule).toBe(rule);
  });

  it('the future-date rule is relative to today', () => {
    // born 2025-06-02: refused on 2025-06-01, accepted once the day has come
    const code = '44030620250602' + '231';
    const full = code + idNumberCheckChar(code);
    expect(validateIdNumber(full, TODAY)?.rule).toBe('BIRTH_DATE');
    expect(validateIdNumber(full, new Date('2025-06-03T00:00:00+08:00'))).toBeNull();
  });

  it('reports a bad ID-shaped party code against the ID rules', () => {
    expect(validatePartyCode('440306199002302318', TODAY)).toEqual({
      kind: 'PERSON',
      problem: expect.objectContaining({ rule: 'BIRTH_DATE' }),
    });
    expect(validatePartyCode('91440309MA5H2R7W2E', TODAY)).toEqual({
      kind: 'ORGANISATION',
      problem: expect.objectContaining({ rule: 'CHECK_CHARACTER' }),
    });
  });
});
