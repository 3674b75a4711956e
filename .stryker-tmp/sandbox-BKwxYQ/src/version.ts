// @ts-nocheck
import { packageRoot, packageVersion } from "./util/package-root.js";

export const LITML_VERSION: string = packageVersion(packageRoot());
