import { PNG } from 'pngjs';
import { opaqueRgbPng } from './opaque-png';

/** A small opaque picture with something different in every byte's neighbourhood, so each filter has work to do. */
function picture(width: number, height: number): PNG {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      png.data[at] = (x * 37 + y * 11) & 0xff;
      png.data[at + 1] = (x * y + 200) & 0xff;
      png.data[at + 2] = x % 3 === 0 ? 255 : (y * 53) & 0xff;
      png.data[at + 3] = 255;
    }
  }
  return png;
}

const rgbaPng = (png: PNG, filterType: number) => PNG.sync.write(png, { colorType: 6, inputColorType: 6, filterType });

describe('an opaque RGBA PNG rewritten as RGB', () => {
  it.each([
    [0, 'None'],
    [1, 'Sub'],
    [2, 'Up'],
    [3, 'Average'],
    [4, 'Paeth'],
  ])('keeps every pixel of rows written with filter %i (%s), and has no alpha channel', (filterType) => {
    const source = picture(23, 17);
    const rgb = opaqueRgbPng(rgbaPng(source, filterType));
    expect(rgb[25]).toBe(2);
    const read = PNG.sync.read(rgb);
    expect([read.width, read.height]).toEqual([23, 17]);
    expect(read.data.equals(source.data)).toBe(true);
  });

  it('keeps every pixel when each row chose its own filter, as the canvas writes', () => {
    const source = picture(40, 9);
    const read = PNG.sync.read(opaqueRgbPng(rgbaPng(source, -1)));
    expect(read.data.equals(source.data)).toBe(true);
  });

  it('refuses a pixel that is not opaque, naming it, rather than change the picture', () => {
    const source = picture(5, 4);
    source.data[(2 * 5 + 3) * 4 + 3] = 128;
    expect(() => opaqueRgbPng(rgbaPng(source, 0))).toThrow("the chart image's pixel 3 of row 2 is not opaque; dropping its alpha would change it");
  });

  it('refuses what it does not read: not a PNG, another colour type, rows cut short', () => {
    expect(() => opaqueRgbPng(Buffer.from('GIF89a not a png at all, only some bytes'))).toThrow('the chart image is not a PNG');
    const rgb = PNG.sync.write(picture(4, 4), { colorType: 2 });
    expect(() => opaqueRgbPng(rgb)).toThrow(
      'the chart image is a PNG of bit depth 8, colour type 2, interlace 0; only 8-bit RGBA (colour type 6), not interlaced, is read',
    );
    const truncated = PNG.sync.write(Object.assign(picture(6, 5), { height: 5 }), { colorType: 6, inputColorType: 6, filterType: 0 });
    // A header that promises six rows over data holding five.
    truncated.writeUInt32BE(6, 20);
    expect(() => opaqueRgbPng(truncated)).toThrow("the chart image's rows hold 125 bytes; 6 by 6 RGBA pixels need 150");
    const damaged = rgbaPng(picture(6, 6), 0);
    damaged.fill(0x55, 41, 60);
    expect(() => opaqueRgbPng(damaged)).toThrow(/^the chart image's pixel data cannot be decompressed \(.+\); the PNG is damaged or cut short$/);
  });
});
