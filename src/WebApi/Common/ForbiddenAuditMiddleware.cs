using Microsoft.AspNetCore.Diagnostics;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;

namespace Ticketing.WebApi.Common;

/// <summary>
/// Records authorization refusals (403 <c>FORBIDDEN</c>: a missing role, someone else's event) in the audit log with the
/// caller's id. Every such refusal is a <see cref="ForbiddenAccessException"/> from the Application (the
/// authorization behaviour and the ownership checks); other 403 codes (ADMISSION_*, LOCKED_OUT) are business
/// answers, not refusals of access. 401s are deliberately not recorded: expired tokens would bury everything else.
/// </summary>
public sealed class ForbiddenAuditMiddleware(RequestDelegate next, DeniedRequestAudit audit)
{
    public async Task InvokeAsync(HttpContext context, ICurrentUser currentUser)
    {
        await next(context);

        // The exception handler leaves the exception it answered on the context, and has written its answer by now.
        if (context.Response.StatusCode == StatusCodes.Status403Forbidden
            && context.Features.Get<IExceptionHandlerFeature>()?.Error is ForbiddenAccessException forbidden
            && forbidden.Code == Errors.Forbidden)
        {
            await audit.RecordAsync(context, DeniedRequestAudit.ForbiddenAction, StatusCodes.Status403Forbidden, currentUser.UserId);
        }
    }
}
