/** Static assets (stylesheet, images) copied as they are into the site. */
import type { UserConfig } from "../types.ts";

export function assetsPlugin(config: UserConfig): void {
  config.addPassthroughCopy({ assets: "assets" });
}
