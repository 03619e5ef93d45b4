/** Every Huhang widget, self-registering, for a <script type="module"> tag. */
import './huhang-public';
import './components/sign-in/sign-in';
import './components/two-factor/two-factor';
import './components/enterprise-table/enterprise-table';
import './components/visit-form/visit-form';
import './components/service-request-form/service-request-form';
import './components/dispute-form/dispute-form';
import './components/embed-keys/embed-keys';
import './components/audit-trail/audit-trail';
import './components/engagement-form/engagement-form';
import './components/recognition-form/recognition-form';
import './components/incident-form/incident-form';
import './components/zones/zones';
import './components/patrol-form/patrol-form';
import './components/hazard-form/hazard-form';
import './components/dispute-board/dispute-board';
import './components/service-request-table/service-request-table';
