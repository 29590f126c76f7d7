/**
 * Writes the Teams app icons (npm run teams:icons): color.png, 192×192, a white N on Nabo's green;
 * outline.png, 32×32, a white N on transparency, as Teams requires. The PNGs are committed; run this
 * again only to change the design.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_PACKAGE_DIR } from './manifest';
import { drawIcon, encodePng } from './png';

const GREEN: [number, number, number] = [0x1f, 0x6f, 0x5c];
const WHITE: [number, number, number] = [255, 255, 255];

writeFileSync(join(APP_PACKAGE_DIR, 'color.png'), encodePng(drawIcon(192, WHITE, GREEN, 0.12)));
writeFileSync(join(APP_PACKAGE_DIR, 'outline.png'), encodePng(drawIcon(32, WHITE, null, 0.02)));
console.log(`Wrote color.png (192×192) and outline.png (32×32) in ${APP_PACKAGE_DIR}`);
