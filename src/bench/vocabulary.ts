/**
 * The fixed word lists the benchmark corpus is written from. Changing any
 * list changes every generated corpus, so the lists only ever grow at the
 * end, and only when a benchmark series starts afresh.
 */

/** Everyday prose words, weighted by repetition of the common ones. */
export const WORDS: readonly string[] = (
  "the the the the a a a of of of to to to and and and in in is is it it that that for for on on " +
  "with with as as this this was was be be are at by we we you they not but or from have has had " +
  "which when what where why how there their them then than so if about into over after before " +
  "more most some many much any each every other another such only also just very still even " +
  "server servers service services cluster clusters node nodes network networks storage disk disks " +
  "memory cache caches query queries index indexes table tables schema schemas backup backups " +
  "release releases version versions patch patches build builds deploy deploys pipeline pipelines " +
  "request requests response responses latency throughput load traffic outage outages incident " +
  "team teams customer customers vendor vendors license licenses price pricing budget contract " +
  "developer developers engineer engineers operator operators admin admins user users manager " +
  "problem problems answer answers question questions reason reasons approach approaches choice " +
  "design designs model models layer layers interface interfaces protocol protocols format formats " +
  "feature features option options setting settings default defaults limit limits error errors " +
  "log logs metric metrics alert alerts dashboard dashboards report reports trace traces " +
  "project projects product products platform platforms market markets strategy strategies " +
  "week weeks month months year years morning evening moment time times day days night " +
  "simple complex fast slow cheap expensive reliable fragile modern legacy open closed public " +
  "private small large early late new old good bad better worse best worst clear obvious " +
  "hard easy real whole entire certain different similar useful careful honest quiet loud " +
  "run runs ran running write writes wrote writing read reads reading test tests tested testing " +
  "ship ships shipped move moves moved change changes changed keep keeps kept break breaks broke " +
  "fix fixes fixed scale scales scaled measure measures measured replace replaces replaced " +
  "migrate migrated upgrade upgraded configure configured monitor monitored rollback rolled " +
  "think thinks thought know knows knew seem seems seemed find finds found look looks looked " +
  "argue argued agree agreed explain explained suggest suggested notice noticed expect expected " +
  "probably certainly perhaps clearly quickly slowly rarely often usually always never again " +
  "because although while unless until since though whether either neither both"
).split(" ");

/** Proper nouns of technologies: title material and the tag vocabulary's core. */
export const TECH: readonly string[] = [
  "Linux", "Windows Server", "PostgreSQL", "MySQL", "SQLite", "Oracle", "Redis", "Memcached",
  "Kubernetes", "Docker", "Xen", "KVM", "VMware", "Hyper-V", "OpenStack", "Terraform", "Ansible",
  "Puppet", "Chef", "Nginx", "Apache", "HAProxy", "Varnish", "Kafka", "RabbitMQ", "ZeroMQ",
  "Elasticsearch", "Solr", "Lucene", "Cassandra", "MongoDB", "CouchDB", "Hadoop", "Spark",
  "TypeScript", "JavaScript", "Node.js", "Deno", "Python", "Ruby", "Rails", "Django", "Go", "Rust",
  "Java", "Scala", "Erlang", "Elixir", "Haskell", "OCaml", "Perl", "PHP", "C++", "C#", ".NET",
  "GraphQL", "gRPC", "REST", "SOAP", "OAuth", "OpenID", "TLS", "SSH", "DNS", "BGP", "IPv6",
  "ZFS", "Btrfs", "ext4", "NFS", "Ceph", "S3", "EC2", "Lambda", "Azure", "Google Cloud",
  "Heroku", "Git", "Subversion", "Mercurial", "Jenkins", "GitHub Actions", "Travis CI",
  "Prometheus", "Grafana", "Nagios", "systemd", "cron", "Bash", "Zsh", "Vim", "Emacs",
  "WebAssembly", "React", "Vue", "Angular", "jQuery", "CSS Grid", "HTTP/2", "QUIC", "WebSockets",
  "Exchange", "SharePoint", "Active Directory", "Live Mesh", "Silverlight", "Firefox", "Safari",
  "Chrome", "Internet Explorer", "Android", "iOS", "macOS", "FreeBSD", "OpenBSD", "Solaris",
];

/** Generic nouns that follow a technology in titles and compound tags. */
export const TOPICS: readonly string[] = [
  "Performance", "Security", "Replication", "Migrations", "Licensing", "Pricing", "Backups",
  "Monitoring", "Caching", "Testing", "Packaging", "Deployment", "Upgrades", "Internals",
  "Tuning", "Scaling", "Outages", "Roadmap", "Community", "Governance", "Documentation",
  "Benchmarks", "Observability", "Configuration", "Networking", "Storage", "Compliance",
  "Tooling", "Ergonomics", "Adoption",
];

/** Title templates; `{T}` a technology, `{U}` a second one, `{P}` a topic, `{k}` a number. */
export const TITLE_FORMS: readonly string[] = [
  "{T} {P}: What Changed",
  "Why {T} {P} Still Matters",
  "{T} vs. {U}: A Practical Comparison",
  "Notes on {T} {P}, Part {k}",
  "What I Learned Moving From {T} to {U}",
  "The Trouble With {T} {P}",
  "{k} Things Nobody Tells You About {T}",
  "A Week With {T}",
  "Is {T} Ready for {P}?",
  "Rethinking {P} in {T}",
  "{T} and {U}, Together at Last",
  "Field Report: {T} {P}",
  "How We Cut {T} {P} Costs in Half",
  "Don't Panic: {T} {P} Explained",
  "{T} {P} & the Long Tail",
  "Lessons From a {T} Outage",
];

/** People who wrote the comments and mails that posts answer. */
export const COMMENTERS: readonly string[] = [
  "Simon Crosby", "Ada Park", "Bruno Silva", "Chen Wei", "Dana O'Brien", "Émile Zola-Martin",
  "Fatima Rahman", "Gus Andersson", "Hiro Tanaka", "Ines Müller", "Jamal Wright", "Katya Ivanova",
  "Luis Fernández", "Maya Cohen", "Nils Østergaard", "an anonymous reader", "Priya Nair",
  "Quentin Blake", "Rosa Díaz", "Sam", "Tomás O'Neill", "Uma Patel", "Victor Hugo Lima",
];

/** Authors of the archive: id → name. */
export const AUTHORS: readonly (readonly [string, string])[] = [
  ["mitchell", "Mitchell Ashley"],
  ["ann", "Ann Okafor"],
  ["bjorn", "Björn Lindqvist"],
  ["carla", "Carla Méndez"],
  ["dev", "Dev Raman"],
  ["erin", "Erin Walsh"],
  ["farid", "Farid Haddad"],
  ["grace", "Grace Liu"],
];

/** Book title parts. */
export const BOOK_FIRST: readonly string[] = [
  "The Art of", "Patterns of", "Designing", "Release", "The Practice of", "Thinking in",
  "Managing", "Site Reliability", "The Mythical", "Working Effectively With", "Building",
  "Understanding",
];
export const BOOK_SECOND: readonly string[] = [
  "Distributed Systems", "Legacy Code", "Data-Intensive Applications", "Unix Programming",
  "Network Security", "Computer Programming", "Man-Month", "Engineering", "Infrastructure",
  "Databases", "Incident Response", "Technical Leadership",
];

/** Surnames and given names for book authors. */
export const GIVEN: readonly string[] = ["Martin", "Frederick", "Nicole", "Betsy", "Michael", "Eric", "Kent", "Jez", "Tom", "Sarah", "Ward", "Donald"];
export const FAMILY: readonly string[] = ["Kleppmann", "Brooks", "Forsgren", "Beyer", "Nygard", "Raymond", "Beck", "Humble", "DeMarco", "Drasner", "Cunningham", "Knuth"];

/** Products that get reviewed. */
export const PRODUCTS: readonly string[] = [
  "Live Mesh", "Google App Engine", "Xobni Outlook plugin", "Dropbox", "Evernote", "Slack",
  "1Password", "Visual Studio Code", "IntelliJ IDEA", "Postman", "Datadog", "New Relic",
  "PagerDuty", "Cloudflare Workers", "Fastly", "Netlify", "Vercel", "DigitalOcean",
  "Linode", "Backblaze B2", "Tailscale", "WireGuard", "Grafana Cloud", "Sentry",
];

/** Identifier parts for code blocks. */
export const IDENTS: readonly string[] = [
  "user", "order", "cache", "queue", "worker", "session", "token", "config", "request", "result",
  "batch", "entry", "record", "index", "shard", "replica", "lease", "limit", "retry", "timeout",
];
