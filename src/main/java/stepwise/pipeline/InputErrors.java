package stepwise.pipeline;

import java.util.List;
import stepwise.model.InputError;

/** All the bad input found while loading; nothing is checked or written when there is any. */
public final class InputErrors extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<InputError> errors;

  public InputErrors(List<InputError> errors) {
    super(String.join("\n", errors.stream().map(InputError::describe).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<InputError> errors() {
    return errors;
  }
}
