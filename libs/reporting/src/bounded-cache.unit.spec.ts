import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('makes a value once and hands back the kept one after', () => {
    const cache = new BoundedCache<string>(4);
    const make = jest.fn(() => 'drawn');
    expect(cache.getOrMake('chart-1', make)).toBe('drawn');
    expect(cache.getOrMake('chart-1', make)).toBe('drawn');
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('drops the least recently used value past its number of entries', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('drops old values to keep their total size within its limit, and never keeps one larger than it', () => {
    const cache = new BoundedCache<Buffer>(10, 100, (data) => data.length);
    cache.set('a', Buffer.alloc(60));
    cache.set('b', Buffer.alloc(30));
    cache.set('c', Buffer.alloc(30));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    cache.set('huge', Buffer.alloc(101));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('counts a replaced value once', () => {
    const cache = new BoundedCache<Buffer>(10, 100, (data) => data.length);
    cache.set('a', Buffer.alloc(60));
    cache.set('a', Buffer.alloc(60));
    cache.set('b', Buffer.alloc(40));
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeDefined();
  });
});
