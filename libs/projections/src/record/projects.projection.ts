import Database from 'better-sqlite3';
import { StoredEvent } from '@coprod/event-store';
import { Projection } from '../runtime/projection';

/** One row per project: the portfolio and the public list of opportunities to get involved. */
export const projectsProjection: Projection = {
  name: 'projects',
  version: 1,
  create(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS projects (
      project_id           TEXT PRIMARY KEY,
      title                TEXT NOT NULL,
      service_area         TEXT NOT NULL,
      aim                  TEXT NOT NULL,
      framework_id         TEXT NOT NULL,
      improvement_sought   TEXT NOT NULL,
      open_to_new_members  INTEGER NOT NULL,
      stage                TEXT NOT NULL,
      status               TEXT NOT NULL,
      registered_at        TEXT NOT NULL,
      closed_on            TEXT,
      last_position        INTEGER NOT NULL
    )`);
  },
  drop(db) {
    db.exec('DROP TABLE IF EXISTS projects');
  },
  prepare(db: Database.Database) {
    const register = db.prepare(`INSERT OR IGNORE INTO projects
      (project_id, title, service_area, aim, framework_id, improvement_sought, open_to_new_members, stage, status, registered_at, last_position)
      VALUES (@projectId, @title, @serviceArea, @aim, @frameworkId, @improvementSought, @open, 'co_planning', 'open', @at, @position)`);
    const stage = db.prepare('UPDATE projects SET stage = ?, last_position = ? WHERE project_id = ?');
    const framework = db.prepare('UPDATE projects SET framework_id = ?, last_position = ? WHERE project_id = ?');
    const close = db.prepare("UPDATE projects SET status = 'closed', closed_on = ?, last_position = ? WHERE project_id = ?");
    const touch = db.prepare('UPDATE projects SET last_position = ? WHERE project_id = ?');
    return (event: StoredEvent) => {
      const d = event.data as Record<string, never>;
      switch (event.type) {
        case 'ProjectRegistered':
          register.run({ ...d, open: d.openToNewMembers ? 1 : 0, at: event.occurredAt, position: event.position });
          return;
        case 'StageEntered':
          stage.run(d.stage, event.position, d.projectId);
          return;
        case 'ProjectFrameworkChanged':
          framework.run(d.frameworkId, event.position, d.projectId);
          return;
        case 'ProjectClosed':
          close.run(d.closedOn, event.position, d.projectId);
          return;
        default:
          if (typeof d.projectId === 'string') touch.run(event.position, d.projectId);
      }
    };
  },
};

/** One project as the portfolio and the public list of opportunities show it. */
export interface ProjectListing {
  projectId: string;
  title: string;
  serviceArea: string;
  aim: string;
  frameworkId: string;
  stage: string;
  status: string;
  openToNewMembers: boolean;
  registeredAt: string;
  closedOn: string | null;
}

interface ProjectRow {
  project_id: string;
  title: string;
  service_area: string;
  aim: string;
  framework_id: string;
  stage: string;
  status: string;
  open_to_new_members: number;
  registered_at: string;
  closed_on: string | null;
}

/** Reads the projects table: the only code that knows its columns besides the projection. */
export class ProjectsReader {
  private readonly all: Database.Statement;
  private readonly opportunities: Database.Statement;

  constructor(db: Database.Database) {
    this.all = db.prepare('SELECT * FROM projects ORDER BY registered_at, project_id');
    this.opportunities = db.prepare("SELECT * FROM projects WHERE status = 'open' AND open_to_new_members = 1 ORDER BY registered_at, project_id");
  }

  /** Every project, or only those open to new members. */
  list(onlyOpportunities = false): ProjectListing[] {
    return ((onlyOpportunities ? this.opportunities : this.all).all() as ProjectRow[]).map((r) => ({
      projectId: r.project_id,
      title: r.title,
      serviceArea: r.service_area,
      aim: r.aim,
      frameworkId: r.framework_id,
      stage: r.stage,
      status: r.status,
      openToNewMembers: r.open_to_new_members === 1,
      registeredAt: r.registered_at,
      closedOn: r.closed_on,
    }));
  }
}
