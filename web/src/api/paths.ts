// API paths, with every id encoded.
const e = encodeURIComponent;

export const paths = {
  classes: '/api/classes',
  openForEnrolment: '/api/classes?selfEnrol=true',
  klass: (id: string) => `/api/classes/${e(id)}`,
  status: (id: string) => `/api/classes/${e(id)}/status`,
  up: (id: string) => `/api/classes/${e(id)}/up`,
  down: (id: string) => `/api/classes/${e(id)}/down`,
  section: (id: string) => `/api/classes/${e(id)}/section`,
  roster: (id: string, dryRun = false) => `/api/classes/${e(id)}/roster${dryRun ? '?dryRun=true' : ''}`,
  rosterCsv: (id: string, dryRun = false) => `/api/classes/${e(id)}/roster.csv${dryRun ? '?dryRun=true' : ''}`,
  enrolment: (id: string) => `/api/classes/${e(id)}/enrolment`,
  studentAction: (id: string, student: string, action: 'restart' | 'reset') => `/api/classes/${e(id)}/students/${e(student)}/${action}`,
  ports: (id: string, student: string) => `/api/classes/${e(id)}/students/${e(student)}/ports`,
  port: (id: string, student: string, port: number) => `/api/classes/${e(id)}/students/${e(student)}/ports/${port}`,
  operation: (id: string) => `/api/operations/${e(id)}`,
  submissions: (id: string) => `/api/classes/${e(id)}/submissions`,
  studentZip: (id: string, session: string, student: string) => `/api/classes/${e(id)}/submissions/${e(session)}/${e(student)}.zip`,
  classZip: (id: string, session: string) => `/api/classes/${e(id)}/submissions/${e(session)}.zip`,
  fileLink: (id: string, session: string, student: string, path: string, attempt?: string) =>
    `/api/classes/${e(id)}/submissions/${e(session)}/${e(student)}/link?path=${e(path)}${attempt ? `&attempt=${e(attempt)}` : ''}`,
  subjects: '/api/subjects',
  subject: (id: string) => `/api/subjects/${e(id)}`,
  templates: '/api/templates',
  template: (id: string) => `/api/templates/${e(id)}`,
  users: (role?: string) => `/api/users${role ? `?role=${e(role)}` : ''}`,
  user: (name: string) => `/api/users/${e(name)}`,
  userImport: (dryRun: boolean, initialPassword?: string) =>
    `/api/users/import?dryRun=${dryRun}${initialPassword ? `&initialPassword=${e(initialPassword)}` : ''}`,
  sessions: (username?: string) => `/api/sessions${username ? `?username=${e(username)}` : ''}`,
  session: (id: string) => `/api/sessions/${e(id)}`,
  adminOverview: '/api/admin/overview',
};
