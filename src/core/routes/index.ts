import { routeExtension } from './extension.js';
import { routeInvalidDate, routeOutOfScope } from './guards.js';
import { routeHelp, routeNearest, routeUnnamedProject } from './nearest.js';
import {
  routeList,
  routeListCue,
  routeListExcept,
  routeProject,
  routeSharedName,
  routeSuperlative,
  routeUnrecorded,
} from './project.js';
import type { Route } from './route.js';
import { routeAfterRecords, routeDecisionInfo, routeRule } from './rule.js';
import { routeClaim, routeTopic } from './topic.js';

/** The routes, in the order they are tried. */
export const ROUTES: readonly Route[] = [
  routeInvalidDate,
  routeOutOfScope,
  routeClaim,
  routeRule,
  routeAfterRecords,
  routeExtension,
  routeUnnamedProject,
  routeListExcept,
  routeProject,
  routeSharedName,
  routeSuperlative,
  routeList,
  routeTopic,
  routeListCue,
  routeDecisionInfo,
  routeUnrecorded,
  routeHelp,
  routeNearest,
];
