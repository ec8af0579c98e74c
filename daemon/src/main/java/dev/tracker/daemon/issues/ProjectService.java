package dev.tracker.daemon.issues;

import dev.tracker.core.api.NewProject;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Project;
import dev.tracker.core.model.Validation;
import dev.tracker.daemon.storage.Database;
import dev.tracker.daemon.storage.InstantText;
import dev.tracker.daemon.storage.ProjectEntity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Registers projects and looks them up by key. */
public final class ProjectService {
  private final Database database;
  private final Clock clock;
  private final IssueLookup lookup = new IssueLookup();

  ProjectService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Registers a project; a key or root already registered is a conflict. */
  public Project create(NewProject project) {
    String key = Validation.projectKey(project.key());
    String name =
        project.name() == null || project.name().isBlank()
            ? key
            : Validation.projectName(project.name());
    String root = normalizeRoot(project.root());
    return database.write(
        session -> {
          List<ProjectEntity> clashes =
              session
                  .createNativeQuery(
                      "SELECT * FROM project WHERE key = :key OR (root IS NOT NULL AND root = :root)",
                      ProjectEntity.class)
                  .setParameter("key", key)
                  .setParameter("root", root)
                  .getResultList();
          if (!clashes.isEmpty()) {
            ProjectEntity clash = clashes.get(0);
            String what = clash.getKey().equals(key) ? "key '" + key + "'" : "root " + root;
            throw new TrackerException(
                ErrorCode.ALREADY_EXISTS,
                "a project with " + what + " is already registered (" + clash.getKey() + ")");
          }
          ProjectEntity entity =
              new ProjectEntity(key, name, root, InstantText.truncate(clock.instant()));
          session.persist(entity);
          return toProject(entity);
        });
  }

  /** The project with this key, creating it (without a root) on first use. */
  public Project ensurePersonal(String key, String name) {
    String checked = Validation.projectKey(key);
    return database.write(
        session -> {
          ProjectEntity existing =
              session
                  .createNativeQuery("SELECT * FROM project WHERE key = :key", ProjectEntity.class)
                  .setParameter("key", checked)
                  .uniqueResult();
          if (existing != null) {
            return toProject(existing);
          }
          ProjectEntity entity =
              new ProjectEntity(
                  checked,
                  name == null || name.isBlank() ? checked : Validation.projectName(name),
                  null,
                  InstantText.truncate(clock.instant()));
          session.persist(entity);
          return toProject(entity);
        });
  }

  public Project get(String key) {
    return database.read(session -> toProject(lookup.project(session, key)));
  }

  public List<Project> list() {
    return database.read(
        session ->
            session
                .createNativeQuery("SELECT * FROM project ORDER BY key", ProjectEntity.class)
                .getResultList()
                .stream()
                .map(ProjectService::toProject)
                .toList());
  }

  private static String normalizeRoot(String root) {
    if (root == null || root.isBlank()) {
      return null;
    }
    Path path = Path.of(root);
    if (!path.isAbsolute()) {
      throw TrackerException.invalid("root", "must be an absolute path (got '" + root + "')");
    }
    return path.normalize().toString();
  }

  private static Project toProject(ProjectEntity entity) {
    return new Project(
        entity.getKey(),
        entity.getName(),
        entity.getRoot(),
        entity.getChangeCount(),
        entity.getCreatedAt());
  }
}
