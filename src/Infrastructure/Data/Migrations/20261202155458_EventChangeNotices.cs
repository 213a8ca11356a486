using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Every WebApi instance caches event reads (ADR 0019); the database tells them, at commit, which event changed.
    /// Not for the sold and held counters: every claim moves them, and the cache lets them age out instead.
    /// </summary>
    public partial class EventChangeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'events' THEN
                        PERFORM pg_notify('ticketing_event_changed', COALESCE(NEW.id, OLD.id)::text);
                    ELSIF TG_TABLE_NAME = 'ticket_types' THEN
                        PERFORM pg_notify('ticketing_event_changed', COALESCE(NEW.event_id, OLD.event_id)::text);
                    ELSE
                        PERFORM pg_notify('ticketing_event_changed', e.id::text) FROM events e WHERE e.venue_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER events_changed
                    AFTER INSERT OR UPDATE OR DELETE ON events
                    FOR EACH ROW EXECUTE FUNCTION notify_event_changed();

                CREATE TRIGGER ticket_types_added_or_removed
                    AFTER INSERT OR DELETE ON ticket_types
                    FOR EACH ROW EXECUTE FUNCTION notify_event_changed();

                CREATE TRIGGER ticket_types_changed
                    AFTER UPDATE ON ticket_types
                    FOR EACH ROW WHEN ((OLD.event_id, OLD.name, OLD.seat_type, OLD.capacity, OLD.price_amount, OLD.price_currency)
                        IS DISTINCT FROM (NEW.event_id, NEW.name, NEW.seat_type, NEW.capacity, NEW.price_amount, NEW.price_currency))
                    EXECUTE FUNCTION notify_event_changed();

                CREATE TRIGGER venues_renamed
                    AFTER UPDATE OF name ON venues
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
                    EXECUTE FUNCTION notify_event_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER venues_renamed ON venues;
                DROP TRIGGER ticket_types_changed ON ticket_types;
                DROP TRIGGER ticket_types_added_or_removed ON ticket_types;
                DROP TRIGGER events_changed ON events;
                DROP FUNCTION notify_event_changed();
                """);
        }
    }
}
