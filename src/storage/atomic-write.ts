// Writing a file whole or not at all: the text goes to a temporary file in the same folder, is
// flushed to disk (fsync), then takes the target's name — by `link`, which fails if the target
// exists (so a file created meanwhile is never overwritten), or by `rename` when replacing is
// wanted. A crash leaves either the old file or the new one, never half of one.
import { constants } from "node:fs";
import { copyFile, link, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export async function writeFileAtomic(
  target: string,
  text: string,
  options: { replace?: boolean } = {},
): Promise<void> {
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(tmp, "wx");
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.replace) await rename(tmp, target);
    else
      await link(tmp, target).catch(async (error: NodeJS.ErrnoException) => {
        // file systems without hard links: an exclusive copy still never overwrites
        if (error.code !== "EPERM" && error.code !== "ENOTSUP" && error.code !== "EOPNOTSUPP") throw error;
        await copyFile(tmp, target, constants.COPYFILE_EXCL);
      });
  } finally {
    await unlink(tmp).catch(() => {}); // after a rename it is already gone
  }
  await syncDir(dir);
}

/** Make the new name itself durable (not supported everywhere: best effort). */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // some file systems refuse fsync on a directory
  }
}
