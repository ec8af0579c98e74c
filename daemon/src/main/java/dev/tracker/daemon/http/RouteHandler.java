package dev.tracker.daemon.http;

/** One route's work: read what it needs from the exchange, call the store, answer. */
@FunctionalInterface
public interface RouteHandler {
  Reply handle(Exchange exchange) throws Exception;
}
