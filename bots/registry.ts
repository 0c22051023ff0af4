import type { ChannelAdapter, ChannelName } from './types';

/** The running channel adapters, found by channel and tenant (or shared by all tenants: `*`). */
export class AdapterRegistry {
  private readonly adapters = new Map<string, ChannelAdapter>();

  add(adapter: ChannelAdapter): void {
    this.adapters.set(`${adapter.name}:${adapter.tenantId}`, adapter);
  }

  remove(adapter: ChannelAdapter): void {
    this.adapters.delete(`${adapter.name}:${adapter.tenantId}`);
  }

  get(channel: string, tenantId: string): ChannelAdapter | undefined {
    return this.adapters.get(`${channel}:${tenantId}`) ?? this.adapters.get(`${channel}:*`);
  }

  all(): ChannelAdapter[] {
    return [...this.adapters.values()];
  }

  names(): ChannelName[] {
    return [...new Set(this.all().map((a) => a.name))];
  }
}
