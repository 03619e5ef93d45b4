/** The public widgets, self-registering: what a portal page loads with one <script> tag. */
import './components/config/config';
import './components/compliance-scorecard/compliance-scorecard';
import './components/commitment-list/commitment-list';
import './components/service-stats/service-stats';
import './components/trend-chart/trend-chart';
import './components/park-overview/park-overview';
