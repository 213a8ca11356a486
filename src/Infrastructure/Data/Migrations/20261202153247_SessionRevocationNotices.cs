using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ticketing.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Every WebApi instance keeps the revoked sessions in memory (ADR 0019); the database tells them, at commit,
    /// whichever process or statement revoked or deleted the session.
    /// </summary>
    public partial class SessionRevocationNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_session_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('ticketing_sessions_revoked', OLD.id::text);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER auth_sessions_revoked
                    AFTER UPDATE OF revoked_at ON auth_sessions
                    FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
                    EXECUTE FUNCTION notify_session_revoked();

                CREATE TRIGGER auth_sessions_deleted
                    AFTER DELETE ON auth_sessions
                    FOR EACH ROW EXECUTE FUNCTION notify_session_revoked();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER auth_sessions_deleted ON auth_sessions;
                DROP TRIGGER auth_sessions_revoked ON auth_sessions;
                DROP FUNCTION notify_session_revoked();
                """);
        }
    }
}
