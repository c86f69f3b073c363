/**
 * @file The dataset panel in Chromium with the real engine: the course's house_tiny.csv is opened, NumRooms filled
 * with its mean, Alley one-hot encoded with a column for missing values, and X/y sent to the notebook, where the
 * printed tensors are the course's.
 */
import { describe, expect, inject, it } from 'vitest';
import { notebookSession, saveFailureScreenshot } from './browser';

const session = notebookSession(() => inject('webUrl'));

const HOUSE = 'NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n';

describe('dataset panel', () => {
  it('cleans house_tiny.csv as the course does and sends X, y to the notebook', async (ctx) => {
    const { page } = session.app();
    try {
      await page.locator('[data-testid="panel-tab-dataset"]').click();
      const chooser = page.waitForEvent('filechooser');
      await page.locator('[data-testid="dataset-open"]').click();
      await (await chooser).setFiles({ name: 'house_tiny.csv', mimeType: 'text/csv', buffer: Buffer.from(HOUSE) });
      await expect.poll(() => page.locator('[data-testid="dataset-shape"]').innerText(), { timeout: 30_000 }).toBe('4 rows × 3 columns');
      expect(await page.locator('[data-testid="dataset-col-NumRooms"]').innerText()).toContain('float64');

      await page.locator('[data-testid="fill-mean-NumRooms"]').click();
      await expect.poll(() => page.locator('[data-testid="dataset-col-NumRooms"]').innerText()).toMatch(/float64\s+0 \(0%\)/);
      await page.locator('[data-testid="onehot-Alley"]').click();
      await expect.poll(() => page.locator('[data-testid="dataset-shape"]').innerText()).toBe('4 rows × 4 columns');
      const code = await page.locator('[data-testid="dataset-code"]').innerText();
      expect(code).toContain("data['NumRooms'] = data['NumRooms'].fillna(data['NumRooms'].mean())");
      expect(code).toContain("data = pd.get_dummies(data, columns=['Alley'], dummy_na=True)");

      await page.locator('[data-testid="dataset-target"]').selectOption('Price');
      await page.locator('[data-testid="dataset-send"]').click();
      const outputs = page.locator('[data-testid="cell"]');
      await expect.poll(async () => (await outputs.allInnerTexts()).join('\n'), { timeout: 60_000 }).toContain(
        'tensor([[3., 1., 0.],\n        [2., 0., 1.],\n        [4., 0., 1.],\n        [3., 0., 1.]], dtype=torch.float64)');
      expect((await outputs.allInnerTexts()).join('\n')).toContain('tensor([127500, 106000, 178100, 140000])');

      // Undo takes the one-hot step back.
      await page.locator('[data-testid="dataset-undo"]').click();
      await expect.poll(() => page.locator('[data-testid="dataset-shape"]').innerText()).toBe('4 rows × 3 columns');

      // A ragged file gets pandas' message, and the panel stays usable.
      const ragged = page.waitForEvent('filechooser');
      await page.locator('[data-testid="dataset-open"]').click();
      await (await ragged).setFiles({ name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,2,3,4\n') });
      await expect.poll(() => page.locator('[data-testid="dataset-error"]').innerText(), { timeout: 30_000 })
        .toBe('ParserError: Error tokenizing data. C error: Expected 3 fields in line 5, saw 4');
      expect(await page.locator('[data-testid="dataset-open"]').isEnabled()).toBe(true);
      expect(session.app().errors).toEqual([]);
    } catch (e) {
      await saveFailureScreenshot(page, ctx.task.name);
      throw e;
    }
  });
});
