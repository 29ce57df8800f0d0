// Loaded only by tests/e2e/bulletin.e2e.test.ts: mounts the 通报起草 screen, which has no tab yet
// (it belongs to the bureau's role), over the web build's page, with the real browser bridge.
import { createRoot } from 'react-dom/client';
import { bulletinInputFromReturns } from '../../src-shared/bulletin';
import { JINCHENG_Q1_REFERENCE, jinchengQ1Returns } from '../../src-shared/bulletin/article-fixtures';
import { kfqSet } from '../../src-shared/seeds';
import { BulletinScreen } from '../../src-renderer/bulletin/bulletin-screen';

const set = kfqSet();
// 工业投资's provincial average is left out, so the screen shows a gap.
const reference = { ...JINCHENG_Q1_REFERENCE, provinceAverageGrowth: { gyzjz: 0.9 } };
const input = bulletinInputFromReturns(set, jinchengQ1Returns(), { reference, cityZoneTypes: ['industrial'] });
const container = document.createElement('div');
container.id = 'bulletin-e2e';
document.body.replaceChildren(container);
if (input.ok) createRoot(container).render(<BulletinScreen input={input.value} />);
else container.textContent = input.issues.map((i) => i.message).join('\n');
