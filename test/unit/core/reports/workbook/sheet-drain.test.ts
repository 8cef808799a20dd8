import type { Worksheet } from 'exceljs';
import { waitForSheetDrain } from '../../../../../core/reports/workbook/sheet-drain';

/** A stand-in with the exceljs internals the helper reads: one zip entry pipe whose queue drains over time. */
const sheetWithQueue = (lengths: number[]) => {
  const state = { length: lengths[0] ?? 0 };
  let reads = 0;
  const pipe = {
    get _writableState() {
      state.length = lengths[Math.min(reads, lengths.length - 1)] ?? 0;
      reads += 1;
      return state;
    },
  };
  return { sheet: { stream: { pipes: [pipe] } } as unknown as Worksheet, reads: () => reads };
};

describe('waitForSheetDrain', () => {
  it('returns at once when the queue is under the limit', async () => {
    // Arrange
    const { sheet, reads } = sheetWithQueue([10]);

    // Act
    await waitForSheetDrain(sheet, 100);

    // Assert
    expect(reads()).toBe(1);
  });

  it('waits until the queue drains under the limit', async () => {
    // Arrange
    const { sheet, reads } = sheetWithQueue([500, 300, 150, 50]);

    // Act
    await waitForSheetDrain(sheet, 100);

    // Assert
    expect(reads()).toBe(4);
  });

  it('yields without failing when the internals are not there', async () => {
    // Arrange
    const sheet = {} as Worksheet;

    // Act
    const wait = waitForSheetDrain(sheet);

    // Assert
    await expect(wait).resolves.toBeUndefined();
  });
});
