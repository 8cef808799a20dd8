import {
  accountRegionOf,
  decodeKeys,
  encodeKeys,
  parseResourceKey,
  ResourceKeyMaker,
  sortUnique,
} from '../../../../../core/reports/history/resource-keys';

describe('resource keys', () => {
  describe('ResourceKeyMaker.keyOf', () => {
    it('joins the parts with tabs and normalizes the rule name', () => {
      // Arrange
      const maker = new ResourceKeyMaker();

      // Act
      const key = maker.keyOf(
        '111111111111',
        'us-east-1',
        's3-encrypted-conformance-pack-ab12cd',
        'AWS::S3::Bucket',
        'b',
      );

      // Assert
      expect(key).toBe('111111111111\tus-east-1\ts3-encrypted\tAWS::S3::Bucket\tb');
      expect(accountRegionOf(key)).toBe('111111111111\tus-east-1');
    });
  });

  describe('parseResourceKey', () => {
    it('keeps tabs inside the resource id', () => {
      // Act
      const parts = parseResourceKey('1\tr\trule\tT\tid\twith tab');

      // Assert
      expect(parts).toEqual({
        accountId: '1',
        region: 'r',
        rule: 'rule',
        resourceType: 'T',
        resourceId: 'id\twith tab',
      });
    });
  });

  describe('encodeKeys / decodeKeys', () => {
    it('front-codes sorted keys and decodes them back', () => {
      // Arrange
      const keys = ['a\tb\tx', 'a\tb\txy', 'a\tc', 'b'];

      // Act
      const encoded = encodeKeys(keys);

      // Assert
      expect(encoded).toEqual(['0:a\tb\tx', '5:y', '2:c', '0:b']);
      expect(decodeKeys(encoded)).toEqual(keys);
    });

    it('throws on a malformed value', () => {
      // Act + Assert
      expect(() => decodeKeys(['0:a', '9:b'])).toThrow('malformed key at index 1');
      expect(() => decodeKeys(['nope'])).toThrow('malformed key at index 0');
    });
  });

  describe('sortUnique', () => {
    it('sorts by code unit and drops duplicates', () => {
      // Act + Assert
      expect(sortUnique(['b', 'a', 'b', 'B'])).toEqual(['B', 'a', 'b']);
      expect(sortUnique(['a', 'b'])).toEqual(['a', 'b']);
    });
  });
});
