package io.jasyncio.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;

/**
 * The tutorial's {@code get_response(user_id)}: a blocking call to the user service, which is what
 * {@code runInExecutor} takes off the loop's thread; and the same call non-blocking.
 */
final class UserApi {
  private final HttpClient client;
  private final String endpointUrl;

  UserApi(HttpClient client, String endpointUrl) {
    this.client = client;
    this.endpointUrl = endpointUrl;
  }

  /** {@code requests.request('GET', f"{endpointurl}{user_id}").json()}: blocks until answered. */
  public String getResponse(String userId) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request(userId), BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + r.uri() + " answered " + r.statusCode());
    }
    return r.body();
  }

  /** The same request without blocking a thread: {@code HttpClient.sendAsync}. */
  CompletableFuture<HttpResponse<String>> getResponseAsync(String userId) {
    return client.sendAsync(request(userId), BodyHandlers.ofString());
  }

  private HttpRequest request(String userId) {
    return HttpRequest.newBuilder(URI.create(endpointUrl + userId)).GET().build();
  }
}
