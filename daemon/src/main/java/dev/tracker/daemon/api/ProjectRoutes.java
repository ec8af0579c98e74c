package dev.tracker.daemon.api;

import dev.tracker.core.api.NewProject;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Project;
import dev.tracker.daemon.http.Reply;
import dev.tracker.daemon.http.Router;
import dev.tracker.daemon.issues.IssueStore;
import java.nio.file.Files;
import java.nio.file.Path;

final class ProjectRoutes {
  private final IssueStore store;

  ProjectRoutes(IssueStore store) {
    this.store = store;
  }

  void register(Router router) {
    router
        .add("GET", "/v1/projects", e -> Reply.ok(store.projects().list()))
        .add(
            "POST",
            "/v1/projects",
            e -> {
              NewProject body = e.body(NewProject.class);
              checkRoot(body.root());
              Project project = store.projects().create(body);
              return Reply.created(project, "/v1/projects/" + project.key());
            })
        .add(
            "GET",
            "/v1/projects/{project}",
            e -> Reply.ok(store.projects().get(e.path("project"))));
  }

  /**
   * A root is the project's repository, where the sync loop writes {@code .tracker/}: it must be a
   * directory that exists, or the loop would create the whole path wherever a request named it.
   * (Whether it is absolute is the store's rule, checked there.)
   */
  private static void checkRoot(String root) {
    if (root == null || root.isBlank()) {
      return;
    }
    // The store keeps the root normalized ("a/../b" is "b"), so that is the directory that must be.
    Path path = Params.path("root", root).normalize();
    if (path.isAbsolute() && !Files.isDirectory(path)) {
      throw TrackerException.invalid("root", "no such directory: " + root);
    }
  }
}
