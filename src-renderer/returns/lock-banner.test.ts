import { describe, expect, it } from 'vitest';
import { lockBannerText } from './lock-banner';

describe('lockBannerText', () => {
  it('says the revision, the day, and both ways the program reopens a submitted return', () => {
    const text = lockBannerText({ revision: 2, submittedAt: '2024-04-08T08:30:00.000Z' });
    expect(text).toMatch(/^本报表第 2 版已于 2024-04-08 报送，已锁定/);
    expect(text).toContain('在“报送”页填写原因后点“退回修改”');
    expect(text).toContain('市商务局退回修改时');
    expect(text).toContain('报送第 3 版');
  });
});
