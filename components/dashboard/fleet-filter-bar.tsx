"use client";

import { providerLabel } from "@/components/clusters/provider-label";
import { Select } from "@/components/ui/form-field";

export type FleetFilterValues = { provider?: string; environment?: string; label?: string };
export type FleetFilterOptions = { providers: string[]; environments: string[]; labels: string[] };

/** Provider, environment and label selects for fleet views; values live in the page URL. */
export function FleetFilterBar({
  options,
  values,
  onChange,
  children,
}: {
  options: FleetFilterOptions | undefined;
  values: FleetFilterValues;
  onChange: (changes: FleetFilterValues) => void;
  children?: React.ReactNode;
}) {
  const active = !!(values.provider || values.environment || values.label);
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Fleet filters">
      {children}
      <Select aria-label="Provider" value={values.provider ?? ""} onChange={(e) => onChange({ provider: e.target.value })} className="w-44">
        <option value="">All providers</option>
        {(options?.providers ?? []).map((p) => (
          <option key={p} value={p}>
            {providerLabel(p)}
          </option>
        ))}
      </Select>
      <Select aria-label="Environment" value={values.environment ?? ""} onChange={(e) => onChange({ environment: e.target.value })} className="w-48">
        <option value="">All environments</option>
        {(options?.environments ?? []).map((e) => (
          <option key={e} value={e}>
            {e}
          </option>
        ))}
      </Select>
      <Select aria-label="Label" value={values.label ?? ""} onChange={(e) => onChange({ label: e.target.value })} className="w-56">
        <option value="">Any label</option>
        {(options?.labels ?? []).map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </Select>
      {active && (
        <button type="button" onClick={() => onChange({ provider: "", environment: "", label: "" })} className="text-xs font-medium text-brand-700 hover:underline">
          Clear filters
        </button>
      )}
    </div>
  );
}

/** A row of mutually exclusive buttons (e.g. 7 / 30 / 90 days), keyboard reachable, state announced. */
export function SegmentedControl<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: { value: T; label: string }[]; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md ring-1 ring-inset ring-zinc-300">
      {options.map((o, i) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          className={[
            "h-7 px-2.5 text-xs font-medium",
            i === 0 ? "rounded-l-md" : "",
            i === options.length - 1 ? "rounded-r-md" : "",
            o.value === value ? "bg-zinc-900 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50",
          ].join(" ")}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
