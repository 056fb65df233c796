import bcrypt from "bcryptjs";

// Cost 12 ≈ 250 ms per hash on a single modern core: slow for guessing, fine for a sign-in.
export const BCRYPT_COST = 12;

export { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export async function hashPassword(password: string, cost: number = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

// A fixed hash to compare against when the user does not exist, so an unknown email costs the
// same time as a wrong password and response timing does not reveal which accounts exist.
const DUMMY_HASH = "$2b$12$vV99.Iwam/rbH.7R8tqo/.Rk6kjBpHEafKt.kf7t2yTTJLgcC7xnW";

export async function verifyPassword(password: string, passwordHash: string | null | undefined): Promise<boolean> {
  if (!passwordHash) {
    await bcrypt.compare(password, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(password, passwordHash);
}
