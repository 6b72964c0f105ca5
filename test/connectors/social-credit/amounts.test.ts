import { wanToYuan, yuanToWan } from '../../../connectors/social-credit/amounts';

describe('yuanToWan (yuan with 2 decimals → 万元 with 6 decimals, exact)', () => {
  it.each([
    ['5000.00', '0.500000'],
    ['0.00', '0.000000'],
    ['0.01', '0.000001'],
    ['0.10', '0.000010'],
    ['1.00', '0.000100'],
    ['9999.99', '0.999999'],
    ['10000.00', '1.000000'],
    ['10000.01', '1.000001'],
    ['186400.00', '18.640000'],
    ['1000000.00', '100.000000'],
    ['123456789.12', '12345.678912'],
    // The largest contract amount (13 integer digits): beyond float precision, still exact.
    ['9999999999999.99', '999999999.999999'],
    ['1234567890123.45', '123456789.012345'],
  ])('%s yuan → %s 万元', (yuan, wan) => {
    expect(yuanToWan(yuan)).toBe(wan);
    expect(wanToYuan(wan)).toBe(yuan);
  });

  it('gives results the WSDL pattern accepts', () => {
    for (const yuan of ['0.00', '0.05', '5000.00', '9999999999999.99']) {
      expect(yuanToWan(yuan)).toMatch(/^[0-9]{1,12}\.[0-9]{6}$/);
    }
  });

  it.each(['5000', '5000.0', '5000.000', '-5.00', '05.00', '1e3', ' 5.00', '5,000.00', '５.00', '', '10000000000000.00', 'NaN'])(
    'refuses %p',
    (bad) => {
      expect(() => yuanToWan(bad)).toThrow(RangeError);
    },
  );

  it('wanToYuan refuses amounts without exactly 6 decimals', () => {
    expect(() => wanToYuan('0.5')).toThrow(RangeError);
    expect(() => wanToYuan('5000.00')).toThrow(RangeError);
  });
});
