package dev.sfsim.simulator.messaging;

/**
 * Where the messaging engine reports what happened ({@link MessagingEvent}), after the work is
 * committed. The engine imports no HTTP: the admin event stream implements this. Events come from
 * the process that did the work; other simulator processes sharing the database do not see them.
 */
public interface MessagingEvents {
  /** Publishes nothing. */
  MessagingEvents NONE =
      new MessagingEvents() {
        @Override
        public boolean active() {
          return false;
        }

        @Override
        public void publish(MessagingEvent event) {}
      };

  /** Whether anyone listens: when nobody does, the engine skips the reads that only events need. */
  boolean active();

  /** Hands the event over without blocking on listeners. */
  void publish(MessagingEvent event);
}
