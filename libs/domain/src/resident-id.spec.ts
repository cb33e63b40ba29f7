import { isValidResidentId, residentIdCheckCharacter, residentIdProblem } from './resident-id';

// Check characters below were computed independently: sum of digit * weight (7,9,10,5,8,4,2,1,
// 6,3,7,9,10,5,8,4,2), mod 11, looked up in "10X98765432".
const TODAY = new Date('2026-03-02T12:00:00+08:00');

describe('resident ID', () => {
  describe('isValidResidentId', () => {
    it.each([
      ['11010519491231002X', 'the contract example, check character X'],
      ['440308199901011234', 'a check character that is a digit'],
      ['510104198001010081', 'check character 1 (weighted sum mod 11 = 0)'],
      ['330106200002290010', 'born on a leap day'],
      ['310115190001010028', 'born on the first day of 1900'],
      ['310115202603020034', 'born today in China time'],
    ])('accepts %s (%s)', (id) => {
      expect(isValidResidentId(id, TODAY)).toBe(true);
    });

    it.each([
      ['11010519491231002x', 'a lowercase check character x (GB 11643 writes X)'],
      ['110105194912310021', 'a wrong check character'],
      ['11010519491231002', '17 characters'],
      ['11010519491231002X1', '19 characters'],
      ['1101051949123100XX', 'an X before the last character'],
      [' 11010519491231002X', 'a leading space'],
      ['11010519491231002Y', 'a letter other than X'],
      ['110105194913310021', 'a birth month 13'],
      ['110105194902300020', 'a 30 February'],
      ['310115190002290025', 'a 29 February 1900 (not a leap year)'],
      ['310115189912310023', 'a birth date before 1900'],
      ['31011520260303003X', 'a birth date tomorrow in China time'],
      ['', 'nothing'],
    ])('refuses %j (%s)', (id) => {
      expect(isValidResidentId(id, TODAY)).toBe(false);
    });

    it('reads today in China time: at 16:30 UTC it is already the next day in Beijing', () => {
      expect(isValidResidentId('31011520260303003X', new Date('2026-03-02T16:30:00Z'))).toBe(true);
      expect(isValidResidentId('31011520260303003X', new Date('2026-03-02T15:59:59Z'))).toBe(false);
    });

    it('checks against the current date when none is given', () => {
      expect(isValidResidentId('11010519491231002X')).toBe(true);
      expect(isValidResidentId('310115299901010014')).toBe(false); // born 2999-01-01, check character right
    });
  });

  describe('residentIdProblem', () => {
    it('says nothing about a valid ID', () => {
      expect(residentIdProblem('11010519491231002X', TODAY)).toBeUndefined();
    });

    it.each([
      ['1101051949123100', 'must be 17 digits followed by a digit or an uppercase X'],
      ['110105194912310021', 'has a wrong check character (ISO 7064 MOD 11-2)'],
      ['110105194902300020', 'has no valid birth date (YYYYMMDD from 1900 to today)'],
    ])('explains what is wrong with %s', (id, problem) => {
      expect(residentIdProblem(id, TODAY)).toBe(problem);
    });
  });

  describe('residentIdCheckCharacter', () => {
    it.each([
      ['11010519491231002', 'X'],
      ['44030819990101123', '4'],
      ['51010419800101001', '4'],
      ['51010419800101003', '0'],
      ['51010419800101004', '9'],
      ['51010419800101005', '7'],
    ])('is the MOD 11-2 check character of %s: %s', (first17, check) => {
      expect(residentIdCheckCharacter(first17)).toBe(check);
    });
  });
});
