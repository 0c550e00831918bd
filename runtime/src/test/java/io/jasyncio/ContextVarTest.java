package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** ContextVar outside any task (the thread's context) and across the start of a run. */
class ContextVarTest {

  @Test
  void plainCodeHasAContextOfItsOwnThatARunCopiesAndDoesNotChange() {
    ContextVar<String> user = new ContextVar<>("user");
    assertThatThrownBy(user::get).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("user");
    ContextVar.Token<String> token = user.set("ada");

    String seen = Asyncio.run(Script.named("main")
        .run(() -> user.set("changed in the task"))
        .returning(user::get));

    assertThat(seen).isEqualTo("changed in the task");
    assertThat(user.get()).isEqualTo("ada"); // the task changed its copy only
    user.reset(token);
    assertThat(user.get("nobody")).isEqualTo("nobody");
    assertThatThrownBy(() -> user.reset(token)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new ContextVar<String>("other").reset(token))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
