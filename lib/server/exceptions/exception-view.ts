import type { ExceptionMatch } from "@/lib/engine/exceptions";

export type ExceptionView = {
  id: string;
  controlIds: string[];
  match: ExceptionMatch;
  reason: string;
  owner: string | null;
  expiresAt: Date | null;
  expired: boolean;
  createdById: string | null;
  createdAt: Date;
  updatedById: string | null;
  updatedAt: Date;
  lastMatchedAt: Date | null;
};

type Row = Omit<ExceptionView, "expired" | "match"> & { match: unknown };

export function exceptionView(row: Row, now: Date = new Date()): ExceptionView {
  return {
    id: row.id,
    controlIds: row.controlIds,
    match: (row.match && typeof row.match === "object" ? row.match : {}) as ExceptionMatch,
    reason: row.reason,
    owner: row.owner,
    expiresAt: row.expiresAt,
    expired: !!row.expiresAt && row.expiresAt.getTime() <= now.getTime(),
    createdById: row.createdById,
    createdAt: row.createdAt,
    updatedById: row.updatedById,
    updatedAt: row.updatedAt,
    lastMatchedAt: row.lastMatchedAt,
  };
}

export const EXCEPTION_SELECT = {
  id: true, controlIds: true, match: true, reason: true, owner: true, expiresAt: true, createdById: true, createdAt: true, updatedById: true, updatedAt: true, lastMatchedAt: true,
} as const;
