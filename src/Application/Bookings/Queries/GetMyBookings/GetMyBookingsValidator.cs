using FluentValidation;
using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Bookings.Queries.GetMyBookings;

public sealed class GetMyBookingsQueryValidator : AbstractValidator<GetMyBookingsQuery>
{
    public GetMyBookingsQueryValidator() => this.AddPagingRules(x => x.Page, x => x.PageSize);
}
