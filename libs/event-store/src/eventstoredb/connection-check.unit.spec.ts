import { EventStoreUnavailableError } from '../errors';
import { describeConnectionFailure, redactConnectionString } from './connection-check';

describe('connection failures', () => {
  it('never show the password from the connection string', () => {
    expect(redactConnectionString('esdb://admin:changeit@db:2113?tls=true')).toBe('esdb://admin:***@db:2113?tls=true');
    expect(redactConnectionString('esdb+discover://ops:p4ss@cluster.dns:2113')).toBe('esdb+discover://ops:***@cluster.dns:2113');
    expect(redactConnectionString('esdb://db:2113?tls=false')).toBe('esdb://db:2113?tls=false');
  });

  it('suggest TLS settings when the connection string asks for TLS', () => {
    const error = describeConnectionFailure('esdb://admin:changeit@db:2113', new Error('14 UNAVAILABLE: handshake failed'));
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error.message).toMatch(/^cannot reach EventStoreDB at esdb:\/\/admin:\*\*\*@db:2113: 14 UNAVAILABLE: handshake failed\./);
    expect(error.message).toContain('?tls=false');
    expect(error.message).not.toContain('changeit');
  });
});
