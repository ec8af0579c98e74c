package dev.tracker.daemon.api;

import dev.tracker.core.api.NewProject;
import dev.tracker.core.model.Project;
import dev.tracker.daemon.http.Reply;
import dev.tracker.daemon.http.Router;
import dev.tracker.daemon.issues.IssueStore;

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
              Project project = store.projects().create(e.body(NewProject.class));
              return Reply.created(project, "/v1/projects/" + project.key());
            })
        .add(
            "GET",
            "/v1/projects/{project}",
            e -> Reply.ok(store.projects().get(e.path("project"))));
  }
}
