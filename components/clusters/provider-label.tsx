import { PROVIDER_LABELS } from "@/lib/zod/clusters";

export function providerLabel(provider: string): string {
  return PROVIDER_LABELS[provider] ?? provider;
}

export function ProviderLabel({ provider }: { provider: string }) {
  return <span className="text-zinc-700">{providerLabel(provider)}</span>;
}
