import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

/** The code an authenticator app would show for `secret`, `steps` time steps from now. */
function code(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });
}

describeInBrowser('<huhang-two-factor>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('sets up two-factor sign-in with a typed key and a code, shows the recovery codes once, and sign-in then asks for a code', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-two-factor></huhang-two-factor>`);
    await settled(p);
    await signInThroughWidget(p, 'wengan-officer');
    await settled(p);
    const widget = p.locator('huhang-two-factor');
    await widget.locator('[part="status"]').filter({ hasText: '未开启' }).waitFor();

    await widget.locator('button').click();
    const shown = (await widget.locator('[part="secret"]').textContent())!.trim();
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = shown.replace(/ /g, '');
    expect(await widget.locator('a').getAttribute('href')).toContain(`secret=${secret}`);
    expect(await axeViolations(p)).toEqual([]);
    await p.screenshot({ path: join(__dirname, '../../../../../docs/screenshots/two-factor-enrol.png') });

    // A wrong code is refused beside the field; the right one turns it on.
    await widget.locator('input[name="code"]').fill(code(secret) === '000000' ? '111111' : '000000');
    await widget.locator('input[name="code"]').press('Enter');
    await widget.locator('[part="field-error"]').waitFor();
    await widget.locator('input[name="code"]').fill(code(secret));
    await widget.locator('input[name="code"]').press('Enter');
    await widget.locator('[part="recovery-codes"]').waitFor();
    const recovery = await widget.locator('[part="recovery-codes"] li').allTextContents();
    expect(recovery).toHaveLength(10);
    await p.screenshot({ path: join(__dirname, '../../../../../docs/screenshots/two-factor-recovery.png') });
    await widget.locator('button').click();
    await widget.locator('[part="status"]').filter({ hasText: '已开启' }).waitFor();

    // Signing in again: the password alone is answered with a request for the code; a code from the
    // app works, and so does a recovery code, once.
    const signInAgain = async (otp: string) => {
      await p.locator('huhang-sign-in button.secondary').click();
      await p.locator('huhang-sign-in input[name="username"]').fill('wengan-officer');
      await p.locator('huhang-sign-in input[name="password"]').fill('Huhang-demo-2026');
      await p.locator('huhang-sign-in input[name="password"]').press('Enter');
      await p.locator('huhang-sign-in [part="banner"]').filter({ hasText: '动态验证码' }).waitFor();
      await p.locator('huhang-sign-in input[name="otp"]').fill(otp);
      await p.locator('huhang-sign-in input[name="otp"]').press('Enter');
      await p.locator('huhang-sign-in button.secondary').waitFor();
    };
    await signInAgain(code(secret, 1));
    await signInAgain(recovery[0]!);
  });
});
